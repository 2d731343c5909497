$version: "2.0"

namespace com.amazonaws.cognitoidentityprovider

use aws.protocols#awsJson1_1

/// <p>With Amazon Cognito user pools you add sign-up and sign-in to web and mobile apps. This model covers the request side of <code>InitiateAuth</code>, the first call of every sign-in.</p>
@awsJson1_1
service AWSCognitoIdentityProviderService {
    version: "2016-04-18"
    operations: [InitiateAuth]
}

/// <p>Starts sign-in for a user of a user pool. Depending on the flow you pick in <code>AuthFlow</code>, Amazon Cognito answers with tokens or with a challenge that you answer with <code>RespondToAuthChallenge</code>.</p> <note> <p>Amazon Cognito evaluates IAM policies for this call only when you sign it; most apps call it unauthenticated from the client.</p> </note>
operation InitiateAuth {
    input: InitiateAuthRequest
    output: InitiateAuthResponse
    errors: [InvalidParameterException, NotAuthorizedException]
}

/// <p>The request of <code>InitiateAuth</code>.</p>
structure InitiateAuthRequest {
    /// <p>The flow that signs the user in. Each flow expects its own <code>AuthParameters</code>:</p>
    /// <ul>
    ///   <li><p><code>USER_SRP_AUTH</code>: Secure Remote Password sign-in. Pass <code>USERNAME</code> and <code>SRP_A</code>, and <code>SECRET_HASH</code> when the app client has a secret.</p></li>
    ///   <li><p><code>USER_PASSWORD_AUTH</code>: the password travels to Amazon Cognito over TLS. Pass <code>USERNAME</code> and <code>PASSWORD</code>.</p></li>
    ///   <li><p><code>REFRESH_TOKEN_AUTH</code> or <code>REFRESH_TOKEN</code>: new tokens for a signed-in user. Pass <code>REFRESH_TOKEN</code>.</p></li>
    ///   <li><p><code>CUSTOM_AUTH</code>: challenges defined by your own Lambda triggers, in this order:</p>
    ///     <ol>
    ///       <li><p>Define auth challenge</p></li>
    ///       <li><p>Create auth challenge</p></li>
    ///       <li><p>Verify auth challenge response</p></li>
    ///     </ol>
    ///   </li>
    ///   <li><p><code>USER_AUTH</code>: choice-based sign-in; the user picks a password, a one-time code or a passkey.</p></li>
    /// </ul>
    /// <p><code>ADMIN_NO_SRP_AUTH</code> and <code>ADMIN_USER_PASSWORD_AUTH</code> are <b>not</b> accepted here: use <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminInitiateAuth.html">AdminInitiateAuth</a> for them.</p>
    @required
    @idempotencyToken
    AuthFlow: AuthFlowType

    /// <p>The inputs of the chosen flow, such as <code>USERNAME</code>, <code>SRP_A</code>, <code>SECRET_HASH</code> or <code>DEVICE_KEY</code>. Keys and values are strings; <i>which</i> keys you need depends on <code>AuthFlow</code>.</p>
    AuthParameters: BigDecimal

    /// <p>Key-value pairs that Amazon Cognito hands to the Lambda triggers of this sign-in, e.g. pre-authentication &amp; pre-token-generation.</p> <important> <p>Do not put secrets here: Amazon Cognito does not store, check or encrypt <code>ClientMetadata</code>, and a glob such as <code>logs/*/</code> in a value is passed on as is.</p> </important>
    ClientMetadata: ClientMetadataType

    /// <p>The ID of the app client that the user signs in to.</p>
    @required
    ClientId: ClientIdType

    /// <p>Where Amazon Cognito sends analytics of this sign-in, for Amazon Pinpoint campaigns.</p>
    AnalyticsMetadata: AnalyticsMetadataType

    /// <p>Facts about the user's device and network that threat protection uses to score the risk of this sign-in.</p>
    UserContextData: UserContextDataType

    /// <p>The session token of a previous step of the same sign-in, when you continue a flow that Amazon Cognito started earlier.</p>
    Session: SessionType
}

/// <p>The ways a user can sign in.</p>
enum AuthFlowType {
    USER_SRP_AUTH

    REFRESH_TOKEN_AUTH

    /// <p>An older name of <code>REFRESH_TOKEN_AUTH</code>.</p>
    @deprecated(message: "Use REFRESH_TOKEN_AUTH, which behaves the same.")
    REFRESH_TOKEN

    CUSTOM_AUTH

    ADMIN_NO_SRP_AUTH

    USER_PASSWORD_AUTH

    ADMIN_USER_PASSWORD_AUTH

    USER_AUTH
}

@sensitive
map AuthParametersType {
    key: StringType
    value: StringType
}

map ClientMetadataType {
    key: StringType
    value: StringType
}

@length(min: 1, max: 128)
@pattern("^[\\w+]+$")
@sensitive
string ClientIdType

/// <p>Where to send analytics data.</p>
structure AnalyticsMetadataType {
    /// <p>The endpoint ID in Amazon Pinpoint.</p>
    AnalyticsEndpointId: StringType
}

/// <p>Device and network data for risk scoring.</p>
@sensitive
structure UserContextDataType {
    /// <p>The IP address of the user's device, e.g. <code>192.0.2.1</code>.</p>
    IpAddress: StringType

    /// <p>The device fingerprint that the Amazon Cognito context-data library collects on the client.</p>
    EncodedData: StringType
}

@length(min: 20, max: 2048)
@sensitive
string SessionType

@length(min: 0, max: 131072)
string StringType

/// <p>The response of <code>InitiateAuth</code>.</p>
structure InitiateAuthResponse {
    /// <p>The next challenge of the sign-in, when there is one. Answer it with <code>RespondToAuthChallenge</code>.</p>
    ChallengeName: ChallengeNameType

    /// <p>Pass this token to the next call of the same sign-in.</p>
    Session: SessionType

    /// <p>Parameters of the challenge, such as <code>USER_ID_FOR_SRP</code>.</p>
    ChallengeParameters: ChallengeParametersType

    /// <p>The tokens, once the user is signed in.</p>
    AuthenticationResult: AuthenticationResultType

    /// <p>The challenges the user may choose from in a <code>USER_AUTH</code> flow.</p>
    AvailableChallenges: AvailableChallengeListType
}

/// <p>A challenge that a sign-in can ask the user to answer.</p>
enum ChallengeNameType {
    SMS_MFA

    EMAIL_OTP

    SOFTWARE_TOKEN_MFA

    SELECT_MFA_TYPE

    MFA_SETUP

    PASSWORD_VERIFIER

    CUSTOM_CHALLENGE

    SELECT_CHALLENGE

    DEVICE_SRP_AUTH

    DEVICE_PASSWORD_VERIFIER

    ADMIN_NO_SRP_AUTH

    NEW_PASSWORD_REQUIRED

    SMS_OTP

    PASSWORD

    WEB_AUTHN

    PASSWORD_SRP
}

map ChallengeParametersType {
    key: StringType
    value: StringType
}

list AvailableChallengeListType {
    member: ChallengeNameType
}

/// <p>The tokens of a signed-in user.</p>
structure AuthenticationResultType {
    /// <p>The access token of the user.</p>
    AccessToken: TokenModelType

    /// <p>How long the access token stays valid, in seconds.</p>
    ExpiresIn: IntegerType

    /// <p>The kind of the tokens, always <code>Bearer</code>.</p>
    TokenType: StringType

    /// <p>The refresh token.</p>
    RefreshToken: TokenModelType

    /// <p>The ID token.</p>
    IdToken: TokenModelType

    /// <p>The device that Amazon Cognito remembered during this sign-in, if any.</p>
    NewDeviceMetadata: NewDeviceMetadataType
}

@pattern("^[A-Za-z0-9-_=.]+$")
@sensitive
string TokenModelType

integer IntegerType

/// <p>A device that Amazon Cognito remembers.</p>
structure NewDeviceMetadataType {
    /// <p>The key of the device.</p>
    DeviceKey: DeviceKeyType

    /// <p>The group of the device.</p>
    DeviceGroupKey: StringType
}

@length(min: 1, max: 55)
@pattern("^[\\w-]+_[0-9a-f-]+$")
string DeviceKeyType

/// <p>A parameter of the request is not valid.</p>
@error("client")
@httpError(400)
structure InvalidParameterException {
    message: MessageType
}

/// <p>The user is not allowed to sign in this way, or the credentials are wrong.</p>
@error("client")
@httpError(400)
structure NotAuthorizedException {
    message: MessageType
}

string MessageType
