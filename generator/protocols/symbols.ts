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
  noDotSegments: value("runtime.ts", "noDotSegments"),
  newIdempotencyToken: value("runtime.ts", "newIdempotencyToken"),
  utf8: value("runtime.ts", "utf8"),
  HttpResponse: type("runtime.ts", "HttpResponse"),
  headerValue: value("runtime.ts", "headerValue"),
  hasOwn: value("runtime.ts", "hasOwn"),
  ResponseErrorOptions: type("runtime.ts", "ResponseErrorOptions"),
  ServiceError: value("runtime.ts", "ServiceError"),
  UnknownServiceError: value("runtime.ts", "UnknownServiceError"),
  MalformedResponseError: value("runtime.ts", "MalformedResponseError"),
  toResponseError: value("runtime.ts", "toResponseError"),
} as const;

/** `read.ts`: readers of wire values every codec's deserializers share (type checks, base64, dates, header lists). */
export const READ = {
  WireTypeError: value("read.ts", "WireTypeError"),
  fail: value("read.ts", "fail"),
  placeOf: value("read.ts", "placeOf"),
  setEntry: value("read.ts", "setEntry"),
  readMember: value("read.ts", "readMember"),
  expectString: value("read.ts", "expectString"),
  expectBoolean: value("read.ts", "expectBoolean"),
  expectInteger: value("read.ts", "expectInteger"),
  expectFloat: value("read.ts", "expectFloat"),
  expectNumber: value("read.ts", "expectNumber"),
  expectBigInteger: value("read.ts", "expectBigInteger"),
  expectBigDecimal: value("read.ts", "expectBigDecimal"),
  expectObject: value("read.ts", "expectObject"),
  expectArray: value("read.ts", "expectArray"),
  expectBase64: value("read.ts", "expectBase64"),
  expectBytes: value("read.ts", "expectBytes"),
  fromBase64: value("read.ts", "fromBase64"),
  fromEpochSeconds: value("read.ts", "fromEpochSeconds"),
  fromDateTime: value("read.ts", "fromDateTime"),
  fromHttpDate: value("read.ts", "fromHttpDate"),
  splitHeader: value("read.ts", "splitHeader"),
  numberFromText: value("read.ts", "numberFromText"),
  booleanFromText: value("read.ts", "booleanFromText"),
  bodyText: value("read.ts", "bodyText"),
  bodyBytes: value("read.ts", "bodyBytes"),
  sanitizeErrorCode: value("read.ts", "sanitizeErrorCode"),
} as const;

/** `json.ts`: JSON bodies of responses (parsing, exact numbers, error codes). */
export const JSONR = {
  parseJsonBody: value("json.ts", "parseJsonBody"),
  parseErrorBody: value("json.ts", "parseErrorBody"),
  parseJsonBodyExact: value("json.ts", "parseJsonBodyExact"),
  parseErrorBodyExact: value("json.ts", "parseErrorBodyExact"),
  plainDocument: value("json.ts", "plainDocument"),
  jsonErrorCode: value("json.ts", "jsonErrorCode"),
  rpcErrorCode: value("json.ts", "rpcErrorCode"),
  jsonErrorMessage: value("json.ts", "jsonErrorMessage"),
} as const;

/** `big-numbers.ts`: bigInteger (`bigint`) and bigDecimal (decimal text) values on the wire. */
export const BIG_NUMBERS = {
  jsonBigNumber: value("big-numbers.ts", "jsonBigNumber"),
  stringifyJson: value("big-numbers.ts", "stringifyJson"),
  decimalText: value("big-numbers.ts", "decimalText"),
} as const;

/** `cbor.ts`: the CBOR encoder and decoder (RFC 8949) of rpcv2Cbor, and the readers of its deserializers. */
export const CBOR = {
  encodeCbor: value("cbor.ts", "encodeCbor"),
  CborTag: value("cbor.ts", "CborTag"),
  cborDecimal: value("cbor.ts", "cborDecimal"),
  parseCborBody: value("cbor.ts", "parseCborBody"),
  parseCborErrorBody: value("cbor.ts", "parseCborErrorBody"),
  cborErrorType: value("cbor.ts", "cborErrorType"),
  cborErrorMessage: value("cbor.ts", "cborErrorMessage"),
  cborMap: value("cbor.ts", "cborMap"),
  cborFloat: value("cbor.ts", "cborFloat"),
  cborTimestamp: value("cbor.ts", "cborTimestamp"),
  cborBigDecimal: value("cbor.ts", "cborBigDecimal"),
} as const;

/** `gzip.ts` and `md5.ts`: request compression and the Content-MD5 checksum. */
export const GZIP = { gzip: value("gzip.ts", "gzip") } as const;
export const MD5 = { contentMd5: value("md5.ts", "contentMd5") } as const;
export const SHA256 = { sha256Hex: value("sha256.ts", "sha256Hex"), sha256TreeHex: value("sha256.ts", "sha256TreeHex") } as const;

/** `sigv4.ts`: AWS Signature Version 4 with WebCrypto, and credentials from the environment (clients). */
export const SIGV4 = { signRequest: value("sigv4.ts", "signRequest"), createSigner: value("sigv4.ts", "createSigner"), environmentCredentials: value("sigv4.ts", "environmentCredentials"), Credentials: type("sigv4.ts", "Credentials"), CredentialsProvider: type("sigv4.ts", "CredentialsProvider"), SignableRequest: type("sigv4.ts", "SignableRequest"), SigningOptions: type("sigv4.ts", "SigningOptions"), Signer: type("sigv4.ts", "Signer") } as const;

/** `forms.ts`: URL-encoded form fields and multipart/form-data bodies (OpenAPI). */
export const FORMS = {
  appendFormField: value("forms.ts", "appendFormField"),
  encodeReserved: value("forms.ts", "encodeReserved"),
  formParts: value("forms.ts", "formParts"),
  multipartBody: value("forms.ts", "multipartBody"),
  stylePathValue: value("forms.ts", "stylePathValue"),
  styleHeaderValue: value("forms.ts", "styleHeaderValue"),
  styleCookiePairs: value("forms.ts", "styleCookiePairs"),
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
  xmlChildren: value("xml-reader.ts", "xmlChildren"),
  xmlChild: value("xml-reader.ts", "xmlChild"),
  parseXmlBody: value("xml-reader.ts", "parseXmlBody"),
  parseXmlErrorBody: value("xml-reader.ts", "parseXmlErrorBody"),
  xmlErrorElement: value("xml-reader.ts", "xmlErrorElement"),
  xmlErrorField: value("xml-reader.ts", "xmlErrorField"),
  xmlRequestId: value("xml-reader.ts", "xmlRequestId"),
  EMPTY_XML_ELEMENT: value("xml-reader.ts", "EMPTY_XML_ELEMENT"),
} as const;

/** `transport.ts`: retries, timeouts and abort around `fetch`, shared by the generated clients (client.ts). */
export const TRANSPORT = {
  createTransport: value("transport.ts", "createTransport"),
  cachedProvider: value("transport.ts", "cachedProvider"),
  RequestValidationError: value("transport.ts", "RequestValidationError"),
  NetworkError: value("transport.ts", "NetworkError"),
  requestUrl: value("transport.ts", "requestUrl"),
  CallOptions: type("transport.ts", "CallOptions"),
  Transport: type("transport.ts", "Transport"),
  TransportConfig: type("transport.ts", "TransportConfig"),
  WireRequest: type("transport.ts", "WireRequest"),
  Validators: type("transport.ts", "Validators"),
} as const;

/** Helper files a protocol (or the validators, `linear-find.ts`) may ask for, by the template that writes them. */
export const HELPER_FILES = ["big-numbers.ts", "cbor.ts", "endpoint-rules.ts", "forms.ts", "gzip.ts", "json.ts", "linear-find.ts", "md5.ts", "read.ts", "sha256.ts", "sigv4.ts", "transport.ts", "xml-reader.ts", "xml.ts"] as const;
export type HelperFile = (typeof HELPER_FILES)[number];

/** Helper files that import other helper files: a folder that gets the first gets these too. */
export const HELPER_IMPORTS: Readonly<Partial<Record<HelperFile, readonly HelperFile[]>>> = { "json.ts": ["read.ts"] };
