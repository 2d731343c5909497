// The services the SDK oracle runs, one per protocol family of the AWS corpus, with the
// operations it draws inputs for and the differences the SDK makes on purpose (each with its
// reason; the run counts how often each one occurred).
//
//   DYNAMODB → { corpus: "dynamodb", protocol: "awsJson1_0", sdkPackage: "@aws-sdk/client-dynamodb",
//                client: "DynamoDBClient", operations: ["BatchWriteItem", ...], known: [] }
//
// Operations are plain ones (no event streams), chosen to cover each protocol's bindings: JSON
// bodies with recursive unions and maps (DynamoDB), large nested structures and idempotency tokens
// (ECS), labels, query lists, headers and a blob payload (Lambda), form bodies with maps of
// structures, lists and blobs (SNS), XML bodies, labels and query parameters (Route 53).

import { LAMBDA_EMPTY_PAYLOAD_TYPE, NESTED_DEFAULTS } from "./known.js";
import type { ServiceSpec } from "./oracle.js";

export const DYNAMODB: ServiceSpec = {
  corpus: "dynamodb",
  protocol: "awsJson1_0",
  sdkPackage: "@aws-sdk/client-dynamodb",
  load: () => import("@aws-sdk/client-dynamodb") as Promise<Record<string, unknown>>,
  client: "DynamoDBClient",
  operations: ["BatchWriteItem", "CreateTable", "GetItem", "ListTables", "PutItem", "Query", "TransactWriteItems", "UpdateItem"],
  known: [NESTED_DEFAULTS],
};

export const ECS: ServiceSpec = {
  corpus: "ecs",
  protocol: "awsJson1_1",
  sdkPackage: "@aws-sdk/client-ecs",
  load: () => import("@aws-sdk/client-ecs") as Promise<Record<string, unknown>>,
  client: "ECSClient",
  operations: ["CreateCluster", "CreateService", "DescribeServices", "ListTasks", "PutAttributes", "RegisterTaskDefinition", "RunTask", "TagResource"],
  known: [NESTED_DEFAULTS],
};

export const LAMBDA: ServiceSpec = {
  corpus: "lambda",
  protocol: "restJson1",
  sdkPackage: "@aws-sdk/client-lambda",
  load: () => import("@aws-sdk/client-lambda") as Promise<Record<string, unknown>>,
  client: "LambdaClient",
  operations: ["AddPermission", "CreateAlias", "GetFunction", "Invoke", "ListFunctions", "TagResource", "UntagResource", "UpdateFunctionConfiguration"],
  known: [NESTED_DEFAULTS, LAMBDA_EMPTY_PAYLOAD_TYPE],
};

export const SNS: ServiceSpec = {
  corpus: "sns",
  protocol: "awsQuery",
  sdkPackage: "@aws-sdk/client-sns",
  load: () => import("@aws-sdk/client-sns") as Promise<Record<string, unknown>>,
  client: "SNSClient",
  operations: ["AddPermission", "CreateTopic", "ListSubscriptionsByTopic", "Publish", "PublishBatch", "SetTopicAttributes", "Subscribe", "TagResource"],
  known: [NESTED_DEFAULTS],
};

export const ROUTE_53: ServiceSpec = {
  corpus: "route-53",
  protocol: "restXml",
  sdkPackage: "@aws-sdk/client-route-53",
  load: () => import("@aws-sdk/client-route-53") as Promise<Record<string, unknown>>,
  client: "Route53Client",
  operations: ["ChangeResourceRecordSets", "ChangeTagsForResource", "CreateHealthCheck", "CreateHostedZone", "GetHostedZone", "ListHostedZonesByName", "ListResourceRecordSets", "ListTagsForResources"],
  known: [NESTED_DEFAULTS],
  // Ids as Route 53 returns them (with their /hostedzone/ or /delegationset/ prefix): the SDK
  // sends them bare (@aws-sdk/middleware-sdk-route53), and so must our Route 53 customization.
  extraValues: {
    "com.amazonaws.route53#GetHostedZoneRequest$Id": ["/hostedzone/Z1D633PJN98FT9"],
    "com.amazonaws.route53#ListResourceRecordSetsRequest$HostedZoneId": ["/hostedzone/Z1D633PJN98FT9"],
    "com.amazonaws.route53#ChangeResourceRecordSetsRequest$HostedZoneId": ["/hostedzone/Z1D633PJN98FT9"],
    "com.amazonaws.route53#CreateHostedZoneRequest$DelegationSetId": ["/delegationset/N1PA6795SAMPLE"],
    "com.amazonaws.route53#AliasTarget$HostedZoneId": ["/hostedzone/Z2FDTNDATAQYW2"],
  },
};

export const SERVICES: readonly ServiceSpec[] = [DYNAMODB, ECS, LAMBDA, SNS, ROUTE_53];
