/**
 * Permission rows for candidate projects and everything hanging off them
 * (consortium, builder, milestones, inform log, scores) and for scoring
 * matrices: a proposal and a matrix of P1.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const groups = [{ code: 'a', title: 'Quality', criteria: [{ title: 'Coherence', levels: [{ points: 1, description: 'weak' }, { points: 5, description: 'strong' }] }] }];

const proposals: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const proposal = await h.as.officer.post('/api/proposals', { acronym: 'MATRIX', title: 'Matrix proposal', partnershipId: w.partnerships.p1, leadOrganisationId: w.organisations.pfb, domainIds: ['domain-health'] });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const id = proposal.body.id;
    const consortium = await h.as.officer.get(`/api/proposals/${id}/consortium`);
    const milestone = await h.as.officer.post(`/api/proposals/${id}/milestones`, { title: 'Descriptions due', dueOn: '2026-10-16' });
    expect(milestone.status, JSON.stringify(milestone.body)).toBe(201);
    const log = await h.as.officer.post(`/api/proposals/${id}/inform-log`, { organisationId: w.organisations.pfb, informedOn: '2026-01-05' });
    expect(log.status, JSON.stringify(log.body)).toBe(201);
    const matrix = await h.as.officer.post('/api/scoring-matrices', { name: 'Matrix of P1', partnershipId: w.partnerships.p1, groups });
    expect(matrix.status, JSON.stringify(matrix.body)).toBe(201);
    return {
      proposal: id,
      proposalMember: consortium.body.members[0].id,
      proposalMilestone: milestone.body.id,
      proposalInform: log.body.items[0].id,
      matrix: matrix.body.id,
      matrixCriterion: matrix.body.groups[0].criteria[0].id,
      proposalP1: w.partnerships.p1,
      proposalOrganisation: w.organisations.vrrn
    };
  },
  rows: {
    'GET /api/proposals': { url: () => '/api/proposals', outsider: 'ok', viewer: 'ok', hides: (i) => i.proposal! },
    'GET /api/proposals/board': { url: (i) => `/api/proposals/board?partnershipId=${i.proposalP1}`, outsider: 404, viewer: 'ok' },
    'POST /api/proposals': { url: () => '/api/proposals', body: (i) => ({ acronym: 'NEW', title: 'New', partnershipId: i.proposalP1 }), outsider: 400, viewer: 403 },
    'GET /api/proposals/:id': { url: (i) => `/api/proposals/${i.proposal}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/proposals/:id': { url: (i) => `/api/proposals/${i.proposal}`, body: () => ({ title: 'Changed' }), outsider: 404, viewer: 403 },
    'DELETE /api/proposals/:id': { url: (i) => `/api/proposals/${i.proposal}`, outsider: 404, viewer: 403 },
    'GET /api/proposals/:id/consortium': { url: (i) => `/api/proposals/${i.proposal}/consortium`, outsider: 404, viewer: 'ok' },
    'POST /api/proposals/:id/consortium': { url: (i) => `/api/proposals/${i.proposal}/consortium`, body: (i) => ({ organisationId: i.proposalOrganisation }), outsider: 404, viewer: 403 },
    'PATCH /api/proposals/:id/consortium/:memberId': { url: (i) => `/api/proposals/${i.proposal}/consortium/${i.proposalMember}`, body: () => ({ budget: '1000' }), outsider: 404, viewer: 403 },
    'DELETE /api/proposals/:id/consortium/:memberId': { url: (i) => `/api/proposals/${i.proposal}/consortium/${i.proposalMember}`, outsider: 404, viewer: 403 },
    'GET /api/proposals/:id/consortium-suggestions': { url: (i) => `/api/proposals/${i.proposal}/consortium-suggestions`, outsider: 404, viewer: 'ok' },
    'GET /api/proposals/:id/milestones': { url: (i) => `/api/proposals/${i.proposal}/milestones`, outsider: 404, viewer: 'ok' },
    'GET /api/proposals/:id/milestones/plan': { url: (i) => `/api/proposals/${i.proposal}/milestones/plan?deadlineOn=2026-12-18`, outsider: 404, viewer: 'ok' },
    'POST /api/proposals/:id/milestones/plan': { url: (i) => `/api/proposals/${i.proposal}/milestones/plan`, body: () => ({ items: [{ title: 'Submission', dueOn: '2026-12-18' }] }), outsider: 404, viewer: 403 },
    'POST /api/proposals/:id/milestones': { url: (i) => `/api/proposals/${i.proposal}/milestones`, body: () => ({ title: 'Steering group', dueOn: '2026-10-23' }), outsider: 404, viewer: 403 },
    'PATCH /api/proposals/:id/milestones/:milestoneId': { url: (i) => `/api/proposals/${i.proposal}/milestones/${i.proposalMilestone}`, body: () => ({ done: true }), outsider: 404, viewer: 403 },
    'DELETE /api/proposals/:id/milestones/:milestoneId': { url: (i) => `/api/proposals/${i.proposal}/milestones/${i.proposalMilestone}`, outsider: 404, viewer: 403 },
    'GET /api/proposals/:id/inform-log': { url: (i) => `/api/proposals/${i.proposal}/inform-log`, outsider: 404, viewer: 'ok' },
    'POST /api/proposals/:id/inform-log': { url: (i) => `/api/proposals/${i.proposal}/inform-log`, body: (i) => ({ organisationId: i.proposalOrganisation, informedOn: '2026-01-06' }), outsider: 404, viewer: 403 },
    'DELETE /api/proposals/:id/inform-log/:entryId': { url: (i) => `/api/proposals/${i.proposal}/inform-log/${i.proposalInform}`, outsider: 404, viewer: 403 },
    'GET /api/proposals/:id/scores': { url: (i) => `/api/proposals/${i.proposal}/scores`, outsider: 404, viewer: 'ok' },
    'PUT /api/proposals/:id/scores': { url: (i) => `/api/proposals/${i.proposal}/scores`, body: (i) => ({ matrixId: i.matrix, scores: [{ criterionId: i.matrixCriterion, points: 5 }] }), outsider: 404, viewer: 403 },
    'POST /api/proposals/:id/scores/lock': { url: (i) => `/api/proposals/${i.proposal}/scores/lock`, outsider: 404, viewer: 403 },
    'DELETE /api/proposals/:id/scores/lock': { url: (i) => `/api/proposals/${i.proposal}/scores/lock`, outsider: 404, viewer: 403 },
    'GET /api/partnerships/:id/first-to-inform': { url: (i) => `/api/partnerships/${i.proposalP1}/first-to-inform`, outsider: 404, viewer: 'ok' },
    'GET /api/scoring-matrices': { url: () => '/api/scoring-matrices', outsider: 'ok', viewer: 'ok', hides: (i) => i.matrix! },
    'POST /api/scoring-matrices': { url: () => '/api/scoring-matrices', body: (i) => ({ name: 'Another', partnershipId: i.proposalP1, groups }), outsider: 400, viewer: 403 },
    'GET /api/scoring-matrices/:id': { url: (i) => `/api/scoring-matrices/${i.matrix}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/scoring-matrices/:id': { url: (i) => `/api/scoring-matrices/${i.matrix}`, body: () => ({ name: 'Renamed' }), outsider: 404, viewer: 403 },
    'GET /api/scoring-matrices/:id/ranking': { url: (i) => `/api/scoring-matrices/${i.matrix}/ranking?partnershipId=${i.proposalP1}`, outsider: 404, viewer: 'ok' }
  }
};
export default proposals;
