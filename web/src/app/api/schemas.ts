import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { paths } from '../api-types';
import type { api } from './client';

// Names for what the generated client returns, so pages say `User`. Taken from the responses rather
// than components['schemas'] because openapi-fetch hands back the "readable" form of each schema.
type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Me = Get<'/api/v1/auth/me'>;
export type User = Get<'/api/v1/users/{id}'>;
export type OrgUnit = Get<'/api/v1/org-units/{id}'>;
export type Role = Get<'/api/v1/roles/{id}'>;
export type RoleCatalog = Get<'/api/v1/roles/catalog'>;
export type AuditEvent = Get<'/api/v1/audit-events'>['items'][number];
export type ApiKey = Get<'/api/v1/api-keys'>['items'][number];
export type DeletedRecord = Get<'/api/v1/recycle-bin'>['items'][number];

export type Grants = Me['grants'];
export type Action = Grants[string]['actions'][number];
export type DataScope = Grants[string]['scope'];
export type UnitKind = OrgUnit['kind'];

type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type CreateUserInput = Body<'/api/v1/users', 'post'>;
export type UpdateUserInput = Body<'/api/v1/users/{id}', 'patch'>;
export type UserListQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;
