import {
  ClientConfig,
  CreateWorkshopResponse,
  JoinResponse,
  RetentionRequest,
  TemplateList,
  WorkshopSummary,
  type CreateWorkshopRequest,
} from '@samskapa/shared';
import { z } from 'zod';
import {
  SnapshotList,
  SnapshotSummary,
  type RestoreSnapshotRequest,
  type WorkshopExport,
} from '@samskapa/shared';

/** An HTTP answer that was not a success; `status` tells the UI which explanation to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's own explanation, when it gave one (e.g. which field of a template file is wrong). */
    readonly detail?: string,
  ) {
    super(`HTTP ${status}`);
  }
}

async function getJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    throw new ApiError(response.status, typeof body?.message === 'string' ? body.message : undefined);
  }
  return schema.parse(await response.json());
}

/** Creates a workshop; the answer is the only time its secrets are shown. */
export async function createWorkshop(request: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  const response = await fetch('/api/workshops', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return getJson(response, CreateWorkshopResponse);
}

/** Looks up a join code. */
export async function lookUpJoinCode(code: string): Promise<JoinResponse> {
  return getJson(await fetch(`/api/join/${encodeURIComponent(code)}`), JoinResponse);
}

/** Public client configuration from the server. */
export async function loadClientConfig(): Promise<ClientConfig> {
  return getJson(await fetch('/api/config'), ClientConfig);
}

/** What any holder of a capability may read about a workshop (its title, for the heading). */
export async function loadWorkshopSummary(workshopId: string, token: string): Promise<WorkshopSummary> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return getJson(response, WorkshopSummary);
}

/** The built-in templates, for the start page's picker. */
export async function loadTemplates(): Promise<TemplateList> {
  return getJson(await fetch('/api/templates'), TemplateList);
}

/** Deletes a workshop and everything in it (facilitators only); a workshop already gone counts as deleted. */
export async function deleteWorkshop(workshopId: string, facilitatorToken: string): Promise<void> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${facilitatorToken}` },
  });
  if (!response.ok && response.status !== 404) throw new ApiError(response.status);
}

/** A deletion date the server refused: `latest` is the last day it allows, when it said so. */
export class RetentionRefused extends ApiError {
  constructor(
    status: number,
    detail: string | undefined,
    readonly latest: string | undefined,
  ) {
    super(status, detail);
  }
}

/** Moves a workshop's deletion date (facilitators only); resolves with the instant the server stored. */
export async function setRetention(
  workshopId: string,
  facilitatorToken: string,
  retainUntil: string,
): Promise<string> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${facilitatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(RetentionRequest.parse({ retainUntil })),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown; latest?: unknown } | null;
    throw new RetentionRefused(
      response.status,
      typeof body?.message === 'string' ? body.message : undefined,
      typeof body?.latest === 'string' ? body.latest : undefined,
    );
  }
  return (await getJson(response, RetentionRequest)).retainUntil;
}

const authorized = (token: string, json = false): HeadersInit => ({
  authorization: `Bearer ${token}`,
  ...(json && { 'content-type': 'application/json' }),
});

/** Creates a workshop from a JSON export (already validated here); the answer is as for a new workshop. */
export async function importWorkshop(data: WorkshopExport): Promise<CreateWorkshopResponse> {
  const response = await fetch('/api/workshops/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  return getJson(response, CreateWorkshopResponse);
}

/** A workshop's snapshots, newest first (facilitators only). */
export async function listSnapshots(workshopId: string, token: string): Promise<SnapshotSummary[]> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/snapshots`, {
    headers: authorized(token),
  });
  return (await getJson(response, SnapshotList)).snapshots;
}

/** Takes a snapshot of the workshop as it is now. */
export async function takeSnapshot(
  workshopId: string,
  token: string,
  name: string,
): Promise<SnapshotSummary> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/snapshots`, {
    method: 'POST',
    headers: authorized(token, true),
    body: JSON.stringify({ name }),
  });
  return getJson(response, SnapshotSummary);
}

/** A snapshot as a JSON export file's contents. */
export async function exportSnapshot(workshopId: string, token: string, snapshotId: string): Promise<Blob> {
  const response = await fetch(
    `/api/workshops/${encodeURIComponent(workshopId)}/snapshots/${encodeURIComponent(snapshotId)}/export`,
    { headers: authorized(token) },
  );
  if (!response.ok) throw new ApiError(response.status);
  return response.blob();
}

/** Restores a snapshot in place (for everyone connected), or as a new workshop whose links are answered. */
export async function restoreSnapshot(
  workshopId: string,
  token: string,
  snapshotId: string,
  mode: RestoreSnapshotRequest['mode'],
): Promise<CreateWorkshopResponse | null> {
  const response = await fetch(
    `/api/workshops/${encodeURIComponent(workshopId)}/snapshots/${encodeURIComponent(snapshotId)}/restore`,
    { method: 'POST', headers: authorized(token, true), body: JSON.stringify({ mode }) },
  );
  if (mode === 'new') return getJson(response, CreateWorkshopResponse);
  await getJson(response, z.unknown());
  return null;
}
