// The symbols of the generated helper files that protocols use, each with the file it lives in.
// `runtime.ts` is in every output folder; the codec helper files (`cbor.ts`, `xml.ts`, ...) are
// emitted only into folders whose serializers import from them.
//
//   file.use(RUNTIME.toBase64)  → "toBase64", and `import { toBase64 } from "./runtime.js"`
//   file.use(CBOR.encodeCbor)   → "encodeCbor"; the folder gets cbor.ts
//   file.use(XML.escapeXmlText) → "escapeXmlText"; the folder gets xml.ts

import type { Sym } from "../emit/file-builder.js";

const value = (file: string, name: string): Sym => ({ name, file, kind: "value" });
const type = (file: string, name: string): Sym => ({ name, file, kind: "type" });

/** `runtime.ts`: request and validation types, encoders every protocol shares. */
export const RUNTIME = {
  HttpRequest: type("runtime.ts", "HttpRequest"),
  SerializeOptions: type("runtime.ts", "SerializeOptions"),
  toBase64: value("runtime.ts", "toBase64"),
  epochSeconds: value("runtime.ts", "epochSeconds"),
  toDateTime: value("runtime.ts", "toDateTime"),
  toHttpDate: value("runtime.ts", "toHttpDate"),
  jsonNumber: value("runtime.ts", "jsonNumber"),
  plainJson: value("runtime.ts", "plainJson"),
  encodePathSegment: value("runtime.ts", "encodePathSegment"),
  encodeQueryComponent: value("runtime.ts", "encodeQueryComponent"),
  newIdempotencyToken: value("runtime.ts", "newIdempotencyToken"),
  utf8: value("runtime.ts", "utf8"),
} as const;

/** `big-numbers.ts`: bigInteger (`bigint`) and bigDecimal (decimal text) values on the wire. */
export const BIG_NUMBERS = {
  jsonBigNumber: value("big-numbers.ts", "jsonBigNumber"),
  stringifyJson: value("big-numbers.ts", "stringifyJson"),
  decimalText: value("big-numbers.ts", "decimalText"),
} as const;

/** `cbor.ts`: the CBOR encoder (RFC 8949) of rpcv2Cbor. */
export const CBOR = { encodeCbor: value("cbor.ts", "encodeCbor"), CborTag: value("cbor.ts", "CborTag"), cborDecimal: value("cbor.ts", "cborDecimal") } as const;

/** `gzip.ts` and `md5.ts`: request compression and the Content-MD5 checksum. */
export const GZIP = { gzip: value("gzip.ts", "gzip") } as const;
export const MD5 = { contentMd5: value("md5.ts", "contentMd5") } as const;
export const SHA256 = { sha256Hex: value("sha256.ts", "sha256Hex"), sha256TreeHex: value("sha256.ts", "sha256TreeHex") } as const;

/** `forms.ts`: URL-encoded form fields and multipart/form-data bodies (OpenAPI). */
export const FORMS = {
  appendFormField: value("forms.ts", "appendFormField"),
  encodeReserved: value("forms.ts", "encodeReserved"),
  multipartBody: value("forms.ts", "multipartBody"),
  MultipartPart: type("forms.ts", "MultipartPart"),
} as const;

/** `xml.ts`: escaping and elements for XML bodies (restXml). */
export const XML = {
  escapeXmlText: value("xml.ts", "escapeXmlText"),
  escapeXmlAttribute: value("xml.ts", "escapeXmlAttribute"),
  xmlElement: value("xml.ts", "xmlElement"),
} as const;

/** `xml-reader.ts`: the XML parser and tree readers of responses (restXml, awsQuery, ec2Query). */
export const XML_READER = {
  parseXml: value("xml-reader.ts", "parseXml"),
  XmlError: value("xml-reader.ts", "XmlError"),
  XmlElement: type("xml-reader.ts", "XmlElement"),
} as const;

/** Helper files a protocol (or the validators, `linear-find.ts`) may ask for, by the template that writes them. */
export const HELPER_FILES = ["big-numbers.ts", "cbor.ts", "forms.ts", "gzip.ts", "linear-find.ts", "md5.ts", "sha256.ts", "xml-reader.ts", "xml.ts"] as const;
export type HelperFile = (typeof HELPER_FILES)[number];
