// What a protocol defines but Shapesmith does not build is a generation-time warning that names
// the member (or operation) and the trait, never a silent wrong request: event streams, and
// request compression with an encoding other than gzip. The warnings are compared whole.

import { describe, expect, it } from "vitest";
import { generate } from "../../generator/core.js";
import { loadTemplates } from "../../generator/cli/templates.js";

const MODEL = `$version: "2.0"
namespace test.notbuilt

use aws.protocols#restJson1

@restJson1
service Streams {
    version: "1"
    operations: [Publish, Squeeze]
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

@requestCompression(encodings: ["br"])
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
      "`test.notbuilt#Squeeze` has @requestCompression with br; Shapesmith compresses with gzip only, so its requests are sent uncompressed",
    ]);
    expect(result.files.get("streams/serializers.ts")).toContain("export function serializePublishRequest(");
  });
});
