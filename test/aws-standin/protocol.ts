/**
 * The wire formats the stand-in speaks, as the services define them (botocore's
 * service models: "protocol": "query" for Elastic Beanstalk and IAM, "ec2" for
 * EC2, "json" for CloudWatch Logs, "rest-xml" for S3): how a request names its
 * operation and parameters, how an answer and an error are shaped.
 */
import { toXml, XmlValue } from './xml';

export type Service = 'elasticbeanstalk' | 'ec2' | 'iam' | 'logs' | 'ssm' | 's3' | 'autoscaling' | 'kms';

/** JSON-protocol services by the prefix of their X-Amz-Target (botocore: targetPrefix). */
export const JSON_TARGETS: Record<string, Service> = { Logs_20140328: 'logs', AmazonSSM: 'ssm', TrentService: 'kms' };

/** The region a request is signed for: the credential scope of its SigV4 Authorization header. */
export function signedRegion(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1] : undefined;
}

/** An error as the service returns it: its code, message and HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Query-protocol API versions, which tell the services apart on one endpoint. */
export const QUERY_VERSIONS: Record<string, Service> = {
  '2010-12-01': 'elasticbeanstalk',
  '2016-11-15': 'ec2',
  '2010-05-08': 'iam',
  '2011-01-01': 'autoscaling',
};

const XMLNS: Record<string, string> = {
  elasticbeanstalk: 'http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
};

/** `Prefix.member.N.Field` (query) or `Prefix.N.Field` (ec2) parameters as a list of records, in N order. */
export function list(params: URLSearchParams, prefix: string): Record<string, string>[] {
  const items = new Map<number, Record<string, string>>();
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(?:member\\.)?(\\d+)(?:\\.(.*))?$`);
  for (const [k, v] of params) {
    const m = re.exec(k);
    if (!m) continue;
    const item = items.get(Number(m[1])) ?? {};
    item[m[2] ?? ''] = v;
    items.set(Number(m[1]), item);
  }
  return [...items.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** The scalar members of a list parameter (`InstanceId.1`, `KeyName.1`…). */
export function scalars(params: URLSearchParams, prefix: string): string[] {
  return list(params, prefix).map((x) => x['']);
}

/** The `Prefix.N` values inside one record of a list (a filter's `Value.N`, `Values.member.N`). */
export function values(item: Record<string, string>, prefix: string): string[] {
  return Object.entries(item)
    .filter(([k]) => new RegExp(`^${prefix}\\.(?:member\\.)?\\d+$`).test(k))
    .sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .map(([, v]) => v);
}

/** EC2's `Filter.N.Name` / `Filter.N.Value.M`. */
export function ec2Filters(params: URLSearchParams): { name: string; values: string[] }[] {
  return list(params, 'Filter').map((f) => ({ name: f.Name, values: values(f, 'Value') }));
}

/** EC2's `TagSpecification.N.ResourceType` / `.Tag.M.Key` / `.Tag.M.Value`, for one resource type. */
export function tagSpecifications(params: URLSearchParams, resourceType: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const spec of list(params, 'TagSpecification')) {
    if (spec.ResourceType !== resourceType) continue;
    for (const [k, v] of Object.entries(spec)) {
      const m = /^Tag\.(\d+)\.Key$/.exec(k);
      if (m) tags[v] = spec[`Tag.${m[1]}.Value`] ?? '';
    }
  }
  return tags;
}

/** EC2's wildcard filter values: `*` any run of characters, `?` one. */
export function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
}

export function queryResponse(service: Service, action: string, result: XmlValue, requestId: string): string {
  if (service === 'ec2') {
    return `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${XMLNS.ec2}"><requestId>${requestId}</requestId>${toXml(result, 'item')}</${action}Response>`;
  }
  return `<${action}Response xmlns="${XMLNS[service]}"><${action}Result>${toXml(result, 'member')}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function errorResponse(service: Service, code: string, message: string, requestId: string): { contentType: string; body: string } {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (service) {
    case 'ec2':
      return {
        contentType: 'text/xml',
        body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 'logs':
    case 'ssm':
    case 'kms':
      return { contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ __type: code, message }) };
    case 's3':
      return {
        contentType: 'application/xml',
        body: `<Error><Code>${code}</Code><Message>${esc(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    default:
      return {
        contentType: 'text/xml',
        body: `<ErrorResponse xmlns="${XMLNS[service]}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
  }
}
