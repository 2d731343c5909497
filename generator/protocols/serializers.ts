// The serializers file of a model: one `serialize<Op>Request(input, options)` per operation,
// whatever its protocol. The protocol (picked by the registry) plans the request; this module
// prints what every protocol shares around that plan.
//
//   restJson1 service Svc, operation Op (POST /things) with @idempotencyToken Token →
//   export function serializeOpRequest(input: OpInput, options: SerializeOptions = {}): HttpRequest {
//     input = { ...input };
//     if (input.Token === undefined) input.Token = (options.idempotencyToken ?? newIdempotencyToken)();
//     const headers: Record<string, string> = { "Content-Type": "application/json" };
//     return { method: "POST", path: "/things", query: [], headers, body: JSON.stringify(json_OpInput(input)) };
//   }
//
// A protocol whose plan has a `whole` request (awsJson: `jsonRpcRequest("Svc.Op", body)`) gets
// `return <whole>;` instead of the statements and the object literal, when nothing here adds to
// them (issue 12: one call is cheaper for tsc to check than two object literals per operation).
//
// Shared here: the signature and doc comment, idempotency tokens, the `@endpoint` host prefix
// with its `@hostLabel`s, `@requestCompression` (gzip), `@httpChecksumRequired` and a required
// `@httpChecksum` (Content-MD5), the AWS service customizations (aws-customizations/), and the
// module-private codec functions the plans asked for, printed once each in name order.

import type { Diagnostics } from "../diagnostics.js";
import { GeneratedFile, type Deferred } from "../emit/file-builder.js";
import { docComment } from "../emit/doc-comments.js";
import type { DocLines } from "../docs/tsdoc.js";
import { setProperty } from "../emit/print.js";
import { OPENAPI_HTTP, shapeOf, type Operation, type ResolvedModel, type StructureShape } from "../model/ir.js";
import { propertyAccess, type Names } from "../naming/names.js";
import type { Protocol, SerializerContext } from "./protocol.js";
import { pickProtocol } from "./registry.js";
import { customize } from "./aws-customizations/index.js";
import { GZIP, MD5, RUNTIME } from "./symbols.js";
import { append } from "../lists.js";

/** `docs`: the run's memo of documentation lines (docs/memo.ts), when the caller keeps one. */
export function emitSerializers(model: ResolvedModel, names: Names, diags: Diagnostics, docs?: DocLines): GeneratedFile {
  const file = new GeneratedFile("serializers.ts");
  const picked = pickProtocol(model, diags);
  if (!picked) {
    const declared = model.service.protocols.map((p) => p.id).join(", ") || "none declared";
    file.line(`// No serializers: Shapesmith does not support the protocol of this service (${declared}) yet.`);
    file.line("export {};");
    return file;
  }
  // The AWS protocols' serializers are printed in oxfmt's layout (as deserializers.ts is).
  if (picked.protocol.id !== OPENAPI_HTTP) file.printsFinalLayout({ longLines: true });
  const pending = new Map<string, () => readonly (string | Deferred)[]>();
  const queue = new NameHeap();
  const ctx: SerializerContext = {
    model,
    names,
    file,
    diags,
    trait: picked.trait,
    need(name, print) {
      if (!pending.has(name)) {
        pending.set(name, print);
        queue.push(name);
      }
      return name;
    },
  };
  for (const op of model.operations) {
    for (const name of [names.serializer(op.id)]) file.declare(name);
    file.lines([...operationSerializer(ctx, picked.protocol, op, docs), ""]);
  }
  // Codec functions may ask for more; print the smallest name left until none is, so the order
  // is the names' order whatever asked first (a heap: a chain of 64k structures stays n log n).
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    file.declare(next);
    for (const l of pending.get(next)!()) {
      if (typeof l === "string") file.line(l);
      else file.later(l);
    }
    file.line("");
  }
  if (file.isEmpty()) file.line("export {};");
  return file;
}

function operationSerializer(ctx: SerializerContext, protocol: Protocol, op: Operation, docs: DocLines | undefined): string[] {
  const input = op.input === undefined ? undefined : shapeOf(ctx.model, op.input);
  if (input !== undefined && input.type !== "structure") throw new Error(`internal: the input of ${op.id} is a ${input.type}`);
  const file = ctx.file;
  const request = file.use(RUNTIME.HttpRequest);
  const options = file.use(RUNTIME.SerializeOptions);
  const inputType = input ? file.use({ name: ctx.names.type(input.id), file: "types.ts", kind: "type" }) : "Record<string, never>";
  const fn = ctx.names.serializer(op.id);
  const doc = docComment({ ...op, sensitive: false, constraints: {} }, `Builds the HTTP request of \`${op.name}\`.`, docs);
  const lines: string[] = [];
  const tokens = input?.members.filter((m) => m.idempotencyToken) ?? [];
  if (tokens.length > 0) {
    const make = `(options.idempotencyToken ?? ${file.use(RUNTIME.newIdempotencyToken)})()`;
    lines.push(`input = { ...input };`);
    for (const m of tokens) {
      const access = propertyAccess("input", m.name);
      // An enum is a string to the trait's selector: the token goes in as the enum's type.
      const target = shapeOf(ctx.model, m.target);
      const value = target.type === "enum" ? `${make} as ${file.use({ name: ctx.names.type(target.id), file: "types.ts", kind: "type" })}` : make;
      lines.push(`if (${access} === undefined) ${setProperty("input", m.name, value)}`);
    }
  }
  for (const m of input?.members ?? []) {
    const target = shapeOf(ctx.model, m.target);
    if (target.type === "union" && target.streaming) {
      ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `\`${input!.id}$${m.name}\` is an event stream (@streaming on \`${target.id}\`), which Shapesmith does not write yet: the serializer sends the first event as a plain ${ctx.trait.id.split("#")[1] ?? "protocol"} value, not an event stream`, {
        hint: "Send event streams with the AWS SDK's event-stream codec until Shapesmith builds them.",
      });
    }
  }
  const custom = customize(ctx, op, input);
  append(lines, custom.before);
  const plan = protocol.request(ctx, op, input);
  // The statements before the plan's (idempotency tokens, customizations).
  const before = [...lines];
  append(lines, plan.lines);
  const hostPrefix = hostPrefixExpr(ctx, op, input);
  const head = [...doc, `export function ${fn}(input: ${inputType}${input ? "" : " = {}"}, options: ${options} = {}): ${request} {`];
  let planBody = plan.body;
  let optionalBody = plan.optionalBody === true;
  const gzip = op.requestCompression?.includes("gzip") === true;
  if (op.requestCompression !== undefined && !gzip) {
    ctx.diags.warning("PROTOCOL_TRAIT_NOT_BUILT", `\`${op.id}\` has @requestCompression with ${op.requestCompression.join(", ") || "no encodings"}; Shapesmith compresses with gzip only, so its requests are sent uncompressed`, {
      hint: "Add \"gzip\" to the trait's encodings, or compress in the transport.",
    });
  }
  // `@httpChecksumRequired`, and `@httpChecksum(requestChecksumRequired: true)` with no algorithm
  // chosen, send MD5 (Content-MD5). The x-amz-checksum-<algorithm> headers are not computed.
  const md5 = op.httpChecksumRequired === true || op.httpChecksum?.requestChecksumRequired === true;
  const algorithmMember = op.httpChecksum?.requestAlgorithmMember;
  if (algorithmMember !== undefined) {
    ctx.diags.warning(
      "PROTOCOL_TRAIT_NOT_BUILT",
      `\`${op.id}\` has @httpChecksum(requestAlgorithmMember: "${algorithmMember}"), but Shapesmith does not compute the x-amz-checksum-* header of the algorithm that member \`${input?.id ?? op.id}$${algorithmMember}\` picks: a request that sets it is sent without that checksum`,
      { hint: `Leave \`${algorithmMember}\` unset (${md5 ? "the request then carries Content-MD5" : "no checksum is required"}), or add the x-amz-checksum-* header in the transport.` },
    );
  }
  const customLines = custom.after(planBody === undefined ? undefined : "sent");
  if (planBody !== undefined && (gzip || md5 || customLines.length > 0)) {
    // Compression first, then the checksum of what is sent.
    lines.push(`let sent: string | Uint8Array | undefined = ${planBody};`);
    if (gzip) {
      const utf8 = file.use(RUNTIME.utf8);
      lines.push(
        `if (sent !== undefined && !options.disableRequestCompression) {`,
        `  const bytes = typeof sent === "string" ? ${utf8}(sent) : sent;`,
        `  if (bytes.length >= (options.requestMinCompressionSizeBytes ?? 10240)) {`,
        `    sent = ${file.use(GZIP.gzip)}(bytes);`,
        `    headers["Content-Encoding"] = headers["Content-Encoding"] === undefined ? "gzip" : headers["Content-Encoding"] + ", gzip";`,
        `  }`,
        `}`,
      );
    }
    if (md5) lines.push(`if (sent !== undefined) headers["Content-MD5"] = ${file.use(MD5.contentMd5)}(sent);`);
    append(lines, customLines);
    planBody = "sent";
    optionalBody = true;
  } else {
    append(lines, customLines);
  }
  // The protocol's one-call request, when nothing here adds to its plan (issue 12).
  if (plan.whole !== undefined && customLines.length === 0 && planBody === plan.body && !optionalBody && hostPrefix === undefined && custom.address === undefined && custom.properties.length === 0) {
    append(before, [`return ${plan.whole()};`]);
    return [...head, ...before.map((l) => (l === "" ? l : "  " + l)), `}`];
  }
  const prop = (key: string, expr: string) => (key === expr ? key : `${key}: ${expr}`);
  const address = custom.address?.(plan.path);
  if (address) append(lines, address.lines);
  const parts = [prop("method", plan.method), prop("path", address?.path ?? plan.path), prop("query", plan.query), "headers"];
  if (address) {
    // The moved part of the path goes before any @endpoint host prefix.
    lines.push(`const movedHost = ${address.hostPrefix};`);
    const full = hostPrefix === undefined ? "movedHost" : `(movedHost ?? "") + ${hostPrefix}`;
    parts.push(hostPrefix === undefined ? `...(movedHost === undefined ? {} : { hostPrefix: movedHost })` : prop("hostPrefix", full));
  } else if (hostPrefix !== undefined) parts.push(prop("hostPrefix", hostPrefix));
  for (const [key, expr] of custom.properties) parts.push(prop(key, expr));
  if (planBody === undefined) {
    lines.push(`return { ${parts.join(", ")} };`);
  } else if (optionalBody) {
    let body = planBody;
    if (!/^[A-Za-z_$][\w$]*$/.test(body)) {
      lines.push(`const body = ${body};`);
      body = "body";
    }
    lines.push(`return { ${parts.join(", ")}, ...(${body} === undefined ? {} : { body: ${body} }) };`);
  } else {
    lines.push(`return { ${parts.join(", ")}, ${prop("body", planBody)} };`);
  }
  return [...head, ...lines.map((l) => (l === "" ? l : "  " + l)), `}`];
}

/** `"foo." + input.Label + "."` for `@endpoint(hostPrefix: "foo.{Label}.")`, or undefined. */
function hostPrefixExpr(ctx: SerializerContext, op: Operation, input: StructureShape | undefined): string | undefined {
  const template = op.endpoint?.hostPrefix;
  if (template === undefined) return undefined;
  const parts = template.split(/(\{[^}]+\})/).filter((p) => p !== "");
  return parts
    .map((part) => {
      const label = /^\{(.+)\}$/.exec(part)?.[1];
      if (label === undefined) return JSON.stringify(part);
      const member = input?.members.find((m) => m.name === label && m.hostLabel);
      if (!member) {
        ctx.diags.warning("PROTOCOL_HOST_LABEL", `The host prefix \`${template}\` of \`${op.id}\` names \`${label}\`, which is no @hostLabel member of its input: it is sent empty`, {
          hint: "Mark the input member @hostLabel (and @required), or fix the label's name.",
        });
        return `""`;
      }
      return `String(${propertyAccess("input", member.name)} ?? "")`;
    })
    .join(" + ");
}

/** A binary min-heap of names (code-unit order). */
export class NameHeap {
  readonly #items: string[] = [];

  push(name: string): void {
    const a = this.#items;
    a.push(name);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): string | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
