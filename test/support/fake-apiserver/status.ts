// Builders for the metav1.Status bodies kube-apiserver answers errors with.
import type { StatusBody } from './types.js';

export class ApiError extends Error {
  constructor(readonly status: StatusBody) {
    super(status.message);
  }
  get code(): number {
    return this.status.code ?? 500;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusBody['details']): ApiError {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details) body.details = details;
  body.code = code;
  return new ApiError(body);
}

/** `resource` is the plural, e.g. "pods", "deployments.apps" style group omitted for core. */
export const notFound = (resource: string, name: string, group = ''): ApiError =>
  failure(404, 'NotFound', `${group ? `${resource}.${group}` : resource} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });

export const routeNotFound = (): ApiError => failure(404, 'NotFound', 'the server could not find the requested resource', {});

export const badRequest = (message: string): ApiError => failure(400, 'BadRequest', message);

export const unauthorized = (): ApiError => failure(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (
  user: string,
  verb: string,
  resource: string,
  subresource: string,
  namespace: string,
  name: string,
  group = '',
): ApiError =>
  failure(
    403,
    'Forbidden',
    `${group ? `${resource}.${group}` : resource} "${name}" is forbidden: User "${user}" cannot ${verb} resource "${subresource ? `${resource}/${subresource}` : resource}" in API group "${group}" in the namespace "${namespace}"`,
    { name, ...(group ? { group } : {}), kind: resource },
  );

export const unsupportedMediaType = (): ApiError =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
  );

export const methodNotAllowed = (): ApiError =>
  failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const internalError = (message: string): ApiError =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

export const expired = (message: string): ApiError => failure(410, 'Expired', message);

/** One field.Error, rendered as validation.go's ErrorList entries are. */
export interface FieldError {
  type:
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate'
    | 'FieldValueNotFound'
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueNotSupported';
  field: string;
  /** The "detail" part, e.g. `Forbidden: cannot be set for an Ephemeral Container`. */
  body: string;
}

export const fieldForbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  body: `Forbidden: ${detail}`,
});
export const fieldDuplicate = (field: string, value: string): FieldError => ({
  type: 'FieldValueDuplicate',
  field,
  body: `Duplicate value: ${JSON.stringify(value)}`,
});
export const fieldNotFound = (field: string, value: string): FieldError => ({
  type: 'FieldValueNotFound',
  field,
  body: `Not found: ${JSON.stringify(value)}`,
});
export const fieldRequired = (field: string, detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  field,
  body: detail ? `Required value: ${detail}` : 'Required value',
});
export const fieldInvalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  body: `Invalid value: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}: ${detail}`,
});

/** errors.NewInvalid: `Pod "x" is invalid: a: b` or `... is invalid: [a: b, c: d]`. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const rendered = errs.map((e) => `${e.field}: ${e.body}`);
  const joined = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  return failure(422, 'Invalid', `${kind} "${name}" is invalid: ${joined}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.body, field: e.field })),
  });
}
