import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { components, paths } from '../api-types';
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
export type Account = Get<'/api/v1/accounts/{id}'>;
/** A list row: only the fields asked for with `fields=` (id and permissions always). */
export type AccountRow = Get<'/api/v1/accounts'>['items'][number];
export type ListTotal = NonNullable<Get<'/api/v1/accounts'>['total']>;
export type AccountType = Get<'/api/v1/account-types'>['items'][number];
export type Region = Get<'/api/v1/regions'>['items'][number];
export type Contact = Get<'/api/v1/contacts/{id}'>;
export type ContactRow = Get<'/api/v1/contacts'>['items'][number];
export type AccountContact = Get<'/api/v1/accounts/{id}/contacts'>['items'][number];
export type SearchHit = Get<'/api/v1/search'>['items'][number];
export type CustomField = Get<'/api/v1/custom-fields'>['items'][number];
export type FieldType = CustomField['type'];
export type SavedView = Get<'/api/v1/saved-views'>['items'][number];
export type Attachment = Get<'/api/v1/attachments/{recordType}/{recordId}'>['items'][number];
export type VCardImportResult = components['schemas']['VCardImportResult'];
export type Activity = components['schemas']['Activity'];
export type ActivityKind = Activity['kind'];
export type TimelineEntry = Get<'/api/v1/accounts/{id}/timeline'>['items'][number];
export type CreateActivityInput = Body<'/api/v1/activities', 'post'>;
export type HistoryEvent = Get<'/api/v1/history/{objectType}/{objectId}'>['items'][number];

export type Grants = Me['grants'];
export type Action = Grants[string]['actions'][number];
export type DataScope = Grants[string]['scope'];
export type UnitKind = OrgUnit['kind'];

type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type CreateUserInput = Body<'/api/v1/users', 'post'>;
export type UpdateUserInput = Body<'/api/v1/users/{id}', 'patch'>;
export type UserListQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;
export type CreateAccountInput = Body<'/api/v1/accounts', 'post'>;
export type UpdateAccountInput = Body<'/api/v1/accounts/{id}', 'patch'>;
export type AccountListQuery = NonNullable<paths['/api/v1/accounts']['get']['parameters']['query']>;
export type CreateContactInput = Body<'/api/v1/contacts', 'post'>;
export type UpdateContactInput = Body<'/api/v1/contacts/{id}', 'patch'>;
export type ContactListQuery = NonNullable<paths['/api/v1/contacts']['get']['parameters']['query']>;
export type CreateFieldInput = Body<'/api/v1/custom-fields', 'post'>;
export type UpdateFieldInput = Body<'/api/v1/custom-fields/{id}', 'patch'>;
export type CreateViewInput = Body<'/api/v1/saved-views', 'post'>;
export type UpdateViewInput = Body<'/api/v1/saved-views/{id}', 'patch'>;
