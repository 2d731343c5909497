// The OpenAPI corpus documents our front end rejects, and the defect in each that justifies it:
// the corpus sweep (corpus.test.ts) requires exactly these rejections, with the code and the
// pointer given; the swagger-client oracle's sweep over every document (WIRE_DOCUMENTS=all)
// requires its rejections to be these.
//
//   REJECTED_DOCUMENTS["api.video.json.gz"]
//   → { code: "OPENAPI_KEYWORD_TYPE", pointer: "/components/schemas/video-thumbnail-pick-payload/properties/timecode/pattern", why: "`pattern: 0`: ..." }

export const REJECTED_DOCUMENTS: Readonly<Record<string, { code: string; pointer: string; why: string }>> = {
  "api.video.json.gz": {
    code: "OPENAPI_KEYWORD_TYPE",
    pointer: "/components/schemas/video-thumbnail-pick-payload/properties/timecode/pattern",
    why: "`pattern: 0`: a pattern must be a string (an ECMA-262 regular expression)",
  },
  "codat.io__accounting.json.gz": {
    code: "OPENAPI_UNKNOWN_TYPE",
    pointer: "/components/schemas/Item/definitions/itemType/type",
    why: "a $ref points at a map of properties (`definitions.itemType`), not at a schema: its `type` is an object",
  },
};
