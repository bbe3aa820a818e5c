import { describe, expect, it } from 'vitest';
import { Conflict } from '../../../api/platform/http/errors.js';
import { render } from '../../../api/platform/http/problem-words.js';
import { PROPOSAL_STAGES, type ProposalStage } from '../../../api/proposals/schemas/proposals.js';
import { OPEN_STAGES, assertTransition, canMove, nextStages, transitionProblem } from '../../../api/proposals/rules/proposal-stages.js';

describe('the proposal pipeline', () => {
  it('moves forward one step at a time, from idea to closed', () => {
    const path: ProposalStage[] = ['idea', 'exploring', 'in_preparation', 'submitted', 'approved', 'running', 'closed'];
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBe(true);
    expect(canMove('submitted', 'rejected')).toBe(true);
  });

  it('does not skip stages and does not go back after submission', () => {
    expect(canMove('idea', 'in_preparation')).toBe(false);
    expect(canMove('idea', 'submitted')).toBe(false);
    expect(canMove('exploring', 'approved')).toBe(false);
    expect(canMove('submitted', 'in_preparation')).toBe(false);
    expect(canMove('approved', 'submitted')).toBe(false);
    expect(canMove('running', 'approved')).toBe(false);
    expect(canMove('rejected', 'approved')).toBe(false);
  });

  it('lets the preparation stages step back one', () => {
    expect(canMove('exploring', 'idea')).toBe(true);
    expect(canMove('in_preparation', 'exploring')).toBe(true);
    expect(canMove('in_preparation', 'idea')).toBe(false);
  });

  it('allows withdrawing from every open stage and from no other', () => {
    expect(OPEN_STAGES).toEqual(['idea', 'exploring', 'in_preparation', 'submitted', 'approved']);
    for (const stage of PROPOSAL_STAGES) expect(canMove(stage, 'withdrawn'), stage).toBe(OPEN_STAGES.includes(stage) || stage === 'withdrawn');
  });

  it('takes rejected and withdrawn ideas up again as ideas; closed is final; staying is no move', () => {
    expect(nextStages('rejected')).toEqual(['idea']);
    expect(nextStages('withdrawn')).toEqual(['idea']);
    expect(nextStages('closed')).toEqual([]);
    for (const stage of PROPOSAL_STAGES) expect(canMove(stage, stage)).toBe(true);
    expect(nextStages('submitted')).toEqual(['approved', 'rejected', 'withdrawn']);
  });

  it('explains a refused move with the stages that are possible, as a 409', () => {
    expect(render(transitionProblem('idea', 'submitted')!)).toBe('A proposal cannot move from “idea” to “submitted”: from “idea” it can move to “exploring” or “withdrawn”.');
    expect(render(transitionProblem('closed', 'running')!)).toBe('A proposal cannot move from “closed” to “running”: “closed” is final.');
    // the stages in the reader's words, as the web names them
    expect(render(transitionProblem('submitted', 'idea')!, 'de')).toBe('Eine Projektidee kann nicht von „Eingereicht“ zu „Idee“ wechseln: Von „Eingereicht“ aus kann sie nur zu „Bewilligt“, „Abgelehnt“ oder „Zurückgezogen“ wechseln.');
    expect(render(transitionProblem('closed', 'running')!, 'nl')).toBe('Een projectidee kan niet van “Afgesloten” naar “Lopend” gaan: “Afgesloten” is definitief.');
    expect(transitionProblem('in_preparation', 'submitted')).toBeNull();
    try {
      assertTransition('exploring', 'approved');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).status).toBe(409);
      expect((error as Conflict).toJSON('nl')).toMatchObject({
        allowedStages: ['idea', 'in_preparation', 'withdrawn'],
        code: 'problems_proposals_stageMove_exploring',
        params: { to: 'approved' },
        errors: [{ path: 'stage', message: 'Een projectidee kan niet van “Verkenning” naar “Goedgekeurd” gaan: vanuit “Verkenning” kan het enkel naar “Idee”, “In voorbereiding” of “Ingetrokken” gaan.' }]
      });
    }
  });
});
