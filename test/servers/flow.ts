// The Cognito sign-in flow the real-server tests drive, written once for any client that can
// call an operation by name: the AWS SDK v3 client (the anchor) and our generated client.
//
//   const call: Call = (op, input) => client.send(new commands[`${op}Command`](input));
//   const user = await signInFlow(call, server.url);
//   → { poolId: "local_2O5vUVEX", clientId: "beet79f…", sub: "79cf5f06-…", tokens: { AccessToken, IdToken, RefreshToken } }
//
// Steps: CreateUserPool, CreateUserPoolClient (ALLOW_USER_PASSWORD_AUTH), AdminCreateUser (an
// e-mail address as Username, MessageAction SUPPRESS), AdminSetUserPassword (Permanent), then
// InitiateAuth USER_PASSWORD_AUTH, whose tokens must be JWTs naming this client and this user.

import { expect } from "vitest";

/** Calls one operation (its Smithy name) with its input; resolves to its output. */
export type Call = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

export const EMAIL = "alice@example.com";
export const PASSWORD = "Corr3ct-Horse-Battery!";

export interface SignedIn {
  readonly poolId: string;
  readonly clientId: string;
  /** The user's `sub` (cognito-local makes it the Username, the e-mail being an alias). */
  readonly sub: string;
  readonly tokens: { readonly AccessToken: string; readonly IdToken: string; readonly RefreshToken: string };
}

export async function signInFlow(call: Call, serverUrl: string, poolName: string): Promise<SignedIn> {
  const pool = (await call("CreateUserPool", { PoolName: poolName })).UserPool as Record<string, unknown>;
  expect(pool.Name).toBe(poolName);
  expect(pool.CreationDate).toBeInstanceOf(Date);
  const poolId = pool.Id as string;
  expect(poolId).toMatch(/^local_\w+$/);

  const appClient = (await call("CreateUserPoolClient", { UserPoolId: poolId, ClientName: `${poolName}-app`, ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }))
    .UserPoolClient as Record<string, unknown>;
  expect(appClient.UserPoolId).toBe(poolId);
  expect(appClient.ExplicitAuthFlows).toEqual(["ALLOW_USER_PASSWORD_AUTH"]);
  const clientId = appClient.ClientId as string;

  const user = (await call("AdminCreateUser", { UserPoolId: poolId, Username: EMAIL, MessageAction: "SUPPRESS" })).User as Record<string, unknown>;
  expect(user.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
  expect(user.Attributes).toContainEqual({ Name: "email", Value: EMAIL });
  const sub = (user.Attributes as { Name: string; Value: string }[]).find((a) => a.Name === "sub")?.Value;
  expect(sub).toMatch(/^[0-9a-f-]{36}$/);

  expect(await call("AdminSetUserPassword", { UserPoolId: poolId, Username: EMAIL, Password: PASSWORD, Permanent: true })).toEqual({});

  const auth = await call("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: EMAIL, PASSWORD } });
  expect(auth.ChallengeName).toBeUndefined();
  const result = auth.AuthenticationResult as Record<string, unknown>;
  const tokens = { AccessToken: result.AccessToken as string, IdToken: result.IdToken as string, RefreshToken: result.RefreshToken as string };

  // The tokens are signed JWTs about this user of this app client, issued by this pool.
  const issuer = `${serverUrl}/${poolId}`;
  const access = jwt(tokens.AccessToken);
  expect(access.header).toMatchObject({ alg: "RS256", typ: "JWT" });
  expect(access.claims).toMatchObject({ token_use: "access", client_id: clientId, username: sub, sub, iss: issuer });
  const id = jwt(tokens.IdToken);
  expect(id.claims).toMatchObject({ token_use: "id", aud: clientId, email: EMAIL, "cognito:username": sub, sub, iss: issuer });
  for (const token of [access, id]) {
    const { iat, exp } = token.claims as { iat: number; exp: number };
    expect(Math.abs(iat - Date.now() / 1000)).toBeLessThan(600);
    expect(exp).toBeGreaterThan(iat);
  }
  expect(jwt(tokens.RefreshToken).claims).toMatchObject({ email: EMAIL, iss: issuer });
  return { poolId, clientId, sub: sub!, tokens };
}

/** A JWT's header and claims (base64url JSON); throws unless it has three parts and a signature. */
export function jwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[2]!.length < 16) throw new Error(`not a signed JWT: ${token.slice(0, 40)}…`);
  const part = (text: string) => JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Record<string, unknown>;
  return { header: part(parts[0]!), claims: part(parts[1]!) };
}
