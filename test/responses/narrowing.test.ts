// The README's example of "Responses and errors", on the committed Cognito output: a thrown error
// narrows by `switch (e.name)` over `InitiateAuthError` (exhaustive: the `never` default is
// type-checked by `npx tsc`) and by `instanceof`; each branch sees its own members.

import { describe, expect, it } from "vitest";
import {
  deserializeInitiateAuthResponse,
  NotAuthorizedException,
  ServiceError,
  UnknownServiceError,
  type HttpResponse,
  type InitiateAuthError,
} from "../../generated/cognito-identity-provider/index.js";

function outcome(response: HttpResponse): string {
  try {
    const output = deserializeInitiateAuthResponse(response);
    return `ok ${output.ChallengeName ?? output.AuthenticationResult?.TokenType ?? ""}`;
  } catch (caught) {
    const e = caught as InitiateAuthError;
    switch (e.name) {
      case "NotAuthorizedException":
        return `not authorized: ${e.message} (${e.$code}, ${e.$fault}, ${e.$requestId ?? "-"})`;
      case "InvalidParameterException":
        return `invalid: ${e.message}`;
      case "UnknownServiceError":
        return `unknown ${e.$status} ${e.$code}`;
      case "MalformedResponseError":
        return `malformed ${e.$status}: ${String(e.$response.body).slice(0, 5)}`;
      default: {
        const never: never = e;
        throw never;
      }
    }
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { "Content-Type": "application/x-amz-json-1.1", ...headers },
  body: JSON.stringify(body),
});

describe("narrowing the errors of a deserializer", () => {
  it("switch (e.name) reaches each class, with its members", () => {
    expect(outcome(json(200, { AuthenticationResult: { TokenType: "Bearer" } }))).toBe("ok Bearer");
    expect(outcome(json(400, { __type: "NotAuthorizedException", message: "Incorrect username or password." }, { "x-amzn-RequestId": "r1" }))).toBe(
      "not authorized: Incorrect username or password. (NotAuthorizedException, client, r1)",
    );
    expect(outcome(json(400, { __type: "InvalidParameterException", message: "bad" }))).toBe("invalid: bad");
    expect(outcome(json(400, { __type: "SomethingNew" }))).toBe("unknown 400 SomethingNew");
    expect(outcome({ status: 200, headers: {}, body: "<html>" })).toBe("malformed 200: <html");
  });

  it("instanceof: the modelled class, ServiceError for any service error, and never for a malformed body", () => {
    const thrown = (r: HttpResponse) => {
      try {
        deserializeInitiateAuthResponse(r);
      } catch (e) {
        return e;
      }
      throw new Error("no error");
    };
    const e = thrown(json(400, { __type: "NotAuthorizedException" }));
    expect([e instanceof NotAuthorizedException, e instanceof ServiceError, e instanceof Error]).toEqual([true, true, true]);
    const u = thrown(json(500, {}));
    expect([u instanceof UnknownServiceError, u instanceof ServiceError, (u as UnknownServiceError).$fault, (u as UnknownServiceError).$code]).toEqual([true, true, "server", "UnknownError"]);
    expect(thrown({ status: 200, headers: {}, body: "{" }) instanceof ServiceError).toBe(false);
  });
});
