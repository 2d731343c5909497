// What a protocol defines but Shapesmith does not build is a generation-time warning that names
// the member (or operation) and the trait, never a silent wrong request: event streams, and
// request compression with an encoding other than gzip. The warnings are compared whole. An
// encoding the reference does not know (`br`) makes the model invalid: an error, no code.

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const MODEL = `$version: "2.0"
namespace test.notbuilt

use aws.protocols#restJson1

@restJson1
service Streams {
    version: "1"
    operations: [Publish]
}

@http(method: "POST", uri: "/publish")
operation Publish {
    input := {
        @httpPayload
        events: Events
    }
}

@streaming
union Events {
    ping: Ping
}

structure Ping {
    at: Timestamp
}
`;

/** A service with one operation compressed with `encodings`. */
const COMPRESSED = (encodings: string) => `$version: "2.0"
namespace test.notbuilt

use aws.protocols#restJson1

@restJson1
service Squeezes {
    version: "1"
    operations: [Squeeze]
}

@requestCompression(encodings: ${encodings})
@http(method: "POST", uri: "/squeeze")
operation Squeeze {
    input := {
        data: String
    }
}
`;

describe("protocol traits that are not built", () => {
  it("are warnings naming the member or operation and the trait", async () => {
    const result = await generate([{ name: "streams", files: [{ path: "streams.smithy", text: MODEL }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    const warnings = result.diagnostics.filter((d) => d.code === "PROTOCOL_TRAIT_NOT_BUILT").map((d) => d.message);
    expect(warnings).toEqual([
      "`test.notbuilt#PublishInput$events` is an event stream (@streaming on `test.notbuilt#Events`), which Shapesmith does not write yet: the serializer sends the first event as a plain restJson1 value, not an event stream",
    ]);
    expect(result.files.get("streams/serializers.ts")).toContain("export function serializePublishRequest(");
  });

  it("request compression with an encoding the reference does not know is an error, and no code", async () => {
    const run = (encodings: string) => generate([{ name: "squeezes", files: [{ path: "squeezes.smithy", text: COMPRESSED(encodings) }] }], { readFile: () => undefined }, { templates: loadTemplates(), format: false });
    const invalid = await run(`["br"]`);
    expect(invalid.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`)).toEqual([
      "SMITHY_REQUEST_COMPRESSION: Invalid compression algorithm found in `requestCompression` trait applied to `test.notbuilt#Squeeze`: `br`",
    ]);
    expect(invalid.files.get("squeezes/serializers.ts")).toBeUndefined();
    const gzip = await run(`["gzip"]`);
    expect(gzip.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(gzip.files.get("squeezes/serializers.ts")).toContain("export function serializeSqueezeRequest(");
  });
});
