/** /api/people/{id}/consent: HTTP only; the rules live in services/consent.ts. */
import { Hono } from 'hono';
import type { PrivacyEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { ConsentWithdrawal, PersonConsent } from '../schemas/consent.js';

const tag = 'People';

export const consentRoutes = new Hono<PrivacyEnv>()
  .get('/:id/consent', describe({ tag, summary: 'A person’s consent: its state, history and who relied on it', body: PersonConsent }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.consent.get(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/:id/consent/withdraw',
    describe({
      tag,
      summary: 'Withdraw a person’s consent (when and how); they are sent nothing from now on',
      body: PersonConsent,
      also: { 409: 'Not kept on consent, or consent already withdrawn' }
    }),
    validate('param', IdParam),
    validate('json', ConsentWithdrawal),
    async (c) => c.json(await c.var.services.consent.withdraw(c.var.caller, c.req.valid('param').id, c.req.valid('json')))
  );
