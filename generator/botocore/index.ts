// The front end of AWS JSON service descriptions (botocore `service-2.json`, AWS SDK for
// JavaScript v2 `*.normal.json`): one document → the same resolved model the Smithy front end
// makes from the Smithy model of the service.
//
//   loadBotocore({ name: "cognito-idp", files: [{ path: "cognito-idp-2016-04-18.normal.json", text }] }, diags)
//   → { name: "cognito-idp", service: { id: "com.amazonaws.cognitoidentityprovider#AWSCognitoIdentityProviderService",
//         protocols: [{ id: "aws.protocols#awsJson1_1", value: {} }], ... },
//       operations: [{ id: "com.amazonaws.cognitoidentityprovider#InitiateAuth", ... }, ...],
//       shapes: Map { "com.amazonaws.cognitoidentityprovider#InitiateAuthRequest" → structure, ... } }
//
// Only the shapes reachable from the operations are kept (inputs, outputs, errors and what their
// members refer to), sorted by id, as the Smithy front end keeps them. rest-xml documents give
// the XML namespace on each operation's input: when all inputs agree it is the service's (as
// Smithy's @xmlNamespace on the service), else each input structure keeps its own.

import type { Diagnostics } from "../diagnostics.js";
import type { ModelInput } from "../frontends.js";
import type { ResolvedModel, Shape, ShapeId, StructureShape } from "../model/ir.js";
import { readBotocore, type BotoDocument, type BotoShape, type BotoXmlNamespace } from "./document.js";
import { lowerService, namespaceOf } from "./service.js";
import { docsOf, lowerShape, shapeIdOf, type ShapeContext } from "./shapes.js";
import { lowerOperation } from "./operations.js";

export function loadBotocore(input: ModelInput, diags: Diagnostics): ResolvedModel | undefined {
  const [file, ...others] = input.files;
  if (!file) return undefined;
  if (others.length > 0) {
    diags.error("BOTOCORE_SEVERAL_FILES", `An AWS service description is one file, but this model input has ${input.files.length}: ${input.files.map((f) => f.path).join(", ")}`, {
      file: others[0]!.path,
      hint: "Put each service description in models/ as a file of its own.",
    });
    return undefined;
  }
  const loaded = readBotocore(file.text, file.path, diags, file.json);
  if (!loaded) return undefined;
  return lowerBotocore(loaded.doc, input.name, [file.path], diags, loaded.at);
}

export function lowerBotocore(doc: BotoDocument, name: string, sources: readonly string[], diags: Diagnostics, at: Parameters<typeof lowerService>[3]): ResolvedModel {
  const namespace = namespaceOf(doc.metadata, name);
  // rest-xml documents name the XML namespace on each input rather than in metadata.
  const inputNamespaces = new Set(Object.values(doc.operations).map((op) => xmlUri(op.input?.xmlNamespace)).filter((u) => u !== undefined));
  const xmlNamespace = doc.metadata.xmlNamespace ?? (inputNamespaces.size === 1 ? [...inputNamespaces][0] : undefined);
  const metadata = xmlNamespace !== undefined ? { ...doc.metadata, xmlNamespace } : doc.metadata;
  const service = lowerService(metadata, namespace, docsOf(doc.documentation).docs, at, diags);
  const protocol = doc.metadata.protocol;

  // Shapes reachable from the operations, each once (an explicit queue: no recursion).
  const reachable: string[] = [];
  const queued = new Set<string>();
  const want = (shape: string) => {
    if (queued.has(shape)) return;
    queued.add(shape);
    reachable.push(shape);
  };
  const operations = Object.entries(doc.operations)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([opName, op]) => {
      // The AWS SDK v2 files leave the exception shapes out: errors without a shape are dropped.
      const errors = (op.errors ?? []).filter((e) => Object.hasOwn(doc.shapes, e.shape));
      for (const ref of [op.input, op.output, ...errors]) if (ref) want(ref.shape);
      return lowerOperation(namespace, doc.metadata, opName, { ...op, errors });
    });
  const jsonValues = new Set<string>();
  const streams = new Set<string>();
  for (let next = 0; next < reachable.length; next++) {
    const shape = doc.shapes[reachable[next]!]!;
    for (const ref of refsOf(shape)) {
      if (ref.jsonvalue) jsonValues.add(ref.shape);
      if (ref.streaming) streams.add(ref.shape);
      want(ref.shape);
    }
  }

  const ctx: ShapeContext = { namespace, protocol, shapes: doc.shapes, jsonValues, streams };
  const shapes = new Map<ShapeId, Shape>();
  for (const shapeName of [...reachable].sort()) shapes.set(shapeIdOf(ctx, shapeName), lowerShape(ctx, shapeName, doc.shapes[shapeName]!));

  // rest-xml: an input's root element name and namespace, when they are not the defaults.
  for (const op of Object.values(doc.operations)) {
    const ref = op.input;
    if (!ref || (ref.locationName === undefined && ref.xmlNamespace === undefined)) continue;
    const id = shapeIdOf(ctx, ref.shape);
    const shape = shapes.get(id) as StructureShape;
    const uri = xmlUri(ref.xmlNamespace);
    const xml = {
      ...shape.xml,
      ...(ref.locationName !== undefined && ref.locationName !== ref.shape ? { name: ref.locationName } : {}),
      ...(uri !== undefined && uri !== xmlNamespace ? { namespace: { uri } } : {}),
    };
    if (Object.keys(xml).length > 0) shapes.set(id, { ...shape, xml });
  }

  return {
    name,
    sources,
    service,
    operations,
    shapes: new Map([...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function xmlUri(ns: BotoXmlNamespace | undefined): string | undefined {
  return typeof ns === "string" ? ns : ns?.uri;
}

function refsOf(shape: BotoShape) {
  switch (shape.type) {
    case "list":
      return [shape.member!];
    case "map":
      return [shape.key!, shape.value!];
    case "structure":
      return Object.values(shape.members ?? {});
    default:
      return [];
  }
}
