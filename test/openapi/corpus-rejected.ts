// The OpenAPI corpus documents our front end rejects, and the defect in each that justifies it:
// the corpus sweep (corpus.test.ts) requires exactly these rejections, with the code and the
// pointer given; the swagger-client oracle's sweep over every document (WIRE_DOCUMENTS=all)
// requires its rejections to be these. None now: the two documents once rejected (api.video,
// codat) have keywords of the wrong type that are ignored with a warning (IGNORED_KEYWORDS).
//
//   IGNORED_KEYWORDS["api.video.json.gz"]
//   → [{ code: "OPENAPI_KEYWORD_TYPE", pointer: "/components/schemas/video-thumbnail-pick-payload/properties/timecode/pattern", why: "`pattern: 0`: ..." }]

export const REJECTED_DOCUMENTS: Readonly<Record<string, { code: string; pointer: string; why: string }>> = {};

/**
 * The `OPENAPI_KEYWORD_TYPE` warnings (a keyword of the wrong type, ignored) of the corpus
 * documents, by document: the sweep requires exactly these, and none elsewhere.
 */
export const IGNORED_KEYWORDS: Readonly<Record<string, readonly { code: string; pointer: string; why: string }[]>> = {
  "api.video.json.gz": [
    {
      code: "OPENAPI_KEYWORD_TYPE",
      pointer: "/components/schemas/video-thumbnail-pick-payload/properties/timecode/pattern",
      why: "`pattern: 0`: a pattern must be a string (an ECMA-262 regular expression); the timecode is not checked against one",
    },
  ],
  "codat.io__accounting.json.gz": [
    {
      code: "OPENAPI_KEYWORD_TYPE",
      pointer: "/components/schemas/Item/definitions/itemType/type",
      why: "a $ref points at a map of properties (`definitions.itemType`), not at a schema: its `type` is an object; the item's `type` property is `unknown`",
    },
  ],
};
