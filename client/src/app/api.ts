import {
  ClientConfig,
  CreateWorkshopResponse,
  JoinResponse,
  TemplateList,
  WorkshopSummary,
  type CreateWorkshopRequest,
} from '@samskapa/shared';
import { z } from 'zod';

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
