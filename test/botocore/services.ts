// The services of the equivalence test: each AWS service's Smithy model and its AWS JSON service
// description in the corpus (the description whose apiVersion is the Smithy model's version),
// chosen to spread over the five protocols and over sizes. ec2 has no Smithy model in the corpus:
// test/botocore/ec2.test.ts checks its requests against the ec2Query rules by hand instead.
//
//   EQUIVALENCE_SERVICES[0] → { name: "cognito-identity-provider", smithy: "cognito-identity-provider", botocore: "cognito-idp-2016-04-18" }

export interface ServicePair {
  /** Name of the Smithy model in aws-smithy/ (without .json.gz). */
  readonly smithy: string;
  /** Name of the description in aws-botocore/ (without .normal.json.gz). */
  readonly botocore: string;
}

export const EQUIVALENCE_SERVICES: readonly ServicePair[] = [
  // awsJson1_1
  { smithy: "cognito-identity-provider", botocore: "cognito-idp-2016-04-18" },
  { smithy: "ec2-instance-connect", botocore: "ec2-instance-connect-2018-04-02" },
  { smithy: "cloud9", botocore: "cloud9-2017-09-23" },
  { smithy: "cloudhsm-v2", botocore: "cloudhsmv2-2017-04-28" },
  { smithy: "acm", botocore: "acm-2015-12-08" },
  { smithy: "application-auto-scaling", botocore: "application-autoscaling-2016-02-06" },
  { smithy: "textract", botocore: "textract-2018-06-27" },
  { smithy: "organizations", botocore: "organizations-2016-11-28" },
  { smithy: "kms", botocore: "kms-2014-11-01" },
  // awsJson1_0
  { smithy: "freetier", botocore: "freetier-2023-09-07" },
  { smithy: "route53-recovery-cluster", botocore: "route53-recovery-cluster-2019-12-02" },
  { smithy: "healthlake", botocore: "healthlake-2017-07-01" },
  { smithy: "cost-optimization-hub", botocore: "cost-optimization-hub-2022-07-26" },
  { smithy: "timestream-query", botocore: "timestream-query-2018-11-01" },
  { smithy: "pcs", botocore: "pcs-2023-02-10" },
  { smithy: "sqs", botocore: "sqs-2012-11-05" },
  // restJson1
  { smithy: "inspector-scan", botocore: "inspector-scan-2023-08-08" },
  { smithy: "supplychain", botocore: "supplychain-2024-01-01" },
  { smithy: "networkmonitor", botocore: "networkmonitor-2023-08-01" },
  { smithy: "cognito-sync", botocore: "cognito-sync-2014-06-30" },
  { smithy: "ssm-sap", botocore: "ssm-sap-2018-05-10" },
  { smithy: "chime-sdk-meetings", botocore: "chime-sdk-meetings-2021-07-15" },
  { smithy: "payment-cryptography-data", botocore: "payment-cryptography-data-2022-02-03" },
  { smithy: "groundstation", botocore: "groundstation-2019-05-23" },
  { smithy: "xray", botocore: "xray-2016-04-12" },
  // awsQuery
  { smithy: "sts", botocore: "sts-2011-06-15" },
  { smithy: "cloudsearch", botocore: "cloudsearch-2013-01-01" },
  { smithy: "elastic-load-balancing", botocore: "elasticloadbalancing-2012-06-01" },
  { smithy: "sns", botocore: "sns-2010-03-31" },
  { smithy: "elastic-load-balancing-v2", botocore: "elasticloadbalancingv2-2015-12-01" },
  // restXml
  { smithy: "route-53", botocore: "route53-2013-04-01" },
  { smithy: "cloudfront", botocore: "cloudfront-2020-05-31" },
  { smithy: "s3-control", botocore: "s3control-2018-08-20" },
  { smithy: "s3", botocore: "s3-2006-03-01" },
];
