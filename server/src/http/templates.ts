import { BUILTIN_TEMPLATES, summarizeTemplate, type TemplateList } from '@samskapa/shared';
import type { FastifyInstance } from 'fastify';

/** The built-in templates, for the start page's picker. */
export function templateRoutes(app: FastifyInstance): void {
  const list: TemplateList = { templates: BUILTIN_TEMPLATES.map(summarizeTemplate) };
  app.get('/api/templates', async (_req, reply) => reply.header('cache-control', 'no-cache').send(list));
}
