/** Builds every service once per process around the one database handle. */
import type { DB } from '../../db/connection.js';
import type { Settings } from '../config.js';
import { AuthService } from './auth.js';
import { DomainService } from './domains.js';
import { HealthService } from './health.js';
import { PartnershipService } from './partnerships.js';
import { RegionService } from './regions.js';
import { AuditTrailService } from './audit-trail.js';
import { activityAuditedRecords } from './audited-records/activities.js';
import { crmAuditedRecords } from './audited-records/crm.js';
import { cycleAuditedRecords } from './audited-records/cycle.js';
import { fundingAuditedRecords } from './audited-records/funding.js';
import { proposalAuditedRecords } from './audited-records/proposals.js';
import { InteractionService } from './interactions.js';
import { OrganisationService } from './organisations.js';
import { PersonService } from './people.js';
import { PersonRightsService } from './person-rights.js';
import { SearchService } from './search.js';
import { TimelineService } from './timeline.js';
import { UserService } from './users.js';
import { ActivityService } from './activities.js';
import { MinutesService } from './minutes.js';
import { ParticipantService } from './participants.js';
import { ProgrammeService } from './programme.js';
import { FollowUpService } from './follow-ups.js';
import { MatchmakingService } from './matchmaking.js';
import { TaskService } from './tasks.js';
import { BudgetService } from './budgets.js';
import { CostService } from './costs.js';
import { FeedbackService } from './feedback.js';
import { NotificationService } from './notifications.js';
import { WatchService } from './watches.js';
import { SavedSearchService } from './saved-searches.js';
import { ReminderService } from './reminders.js';
import { CalendarService } from './calendar.js';
import { FundingProgrammeService } from './programmes.js';
import { CallService } from './calls.js';
import { CallImportService } from './call-import.js';
import { DeadlineDashboardService } from './deadlines.js';
import { ProposalService } from './proposals.js';
import { ConsortiumService } from './consortium.js';
import { ConsortiumBuilderService } from './consortium-builder.js';
import { MilestoneService } from './milestones.js';
import { FirstToInformService } from './first-to-inform.js';
import { ScoringMatrixService } from './scoring-matrices.js';
import { ScoreService } from './scores.js';
import { LiveRooms } from './coediting/live.js';
import { WorkPlanService } from './work-plans.js';
import { ReportService } from './reports.js';
import { EvaluationService } from './evaluations.js';
import { ObligationService } from './obligations.js';
import { CycleStepService } from './cycle-steps.js';
import { ConsentService } from './consent.js';
import { RetentionService } from './retention.js';
import { ProcessingRecordService } from './processing-record.js';

export function createServices(db: DB, settings: Settings, clock?: () => Date) {
  // the live rooms of the co-edited documents (work plans, evaluations): one per app, shared by their services
  const live = new LiveRooms();
  const services = {
    live,
    workPlans: new WorkPlanService(db, live, clock),
    evaluations: new EvaluationService(db, live, clock),
    auth: new AuthService(db, settings, clock),
    activities: new ActivityService(db),
    participants: new ParticipantService(db),
    programme: new ProgrammeService(db),
    minutes: new MinutesService(db),
    tasks: new TaskService(db, clock),
    followUps: new FollowUpService(db, clock),
    matchmaking: new MatchmakingService(db, clock),
    domains: new DomainService(db),
    health: new HealthService(db),
    partnerships: new PartnershipService(db, clock),
    regions: new RegionService(db),
    auditTrail: new AuditTrailService(db, {
      ...crmAuditedRecords,
      ...activityAuditedRecords,
      ...fundingAuditedRecords,
      ...proposalAuditedRecords,
      ...cycleAuditedRecords
    }),
    interactions: new InteractionService(db),
    organisations: new OrganisationService(db),
    people: new PersonService(db, clock),
    personRights: new PersonRightsService(db, clock),
    search: new SearchService(db),
    timeline: new TimelineService(db),
    users: new UserService(db, settings),
    budgets: new BudgetService(db),
    costs: new CostService(db),
    feedback: new FeedbackService(db, settings, clock),
    notifications: new NotificationService(db, clock),
    watches: new WatchService(db, clock),
    savedSearches: new SavedSearchService(db, clock),
    calendar: new CalendarService(db, settings, clock),
    programmes: new FundingProgrammeService(db),
    calls: new CallService(db, clock),
    callImports: new CallImportService(db, settings, clock),
    deadlines: new DeadlineDashboardService(db, clock),
    proposals: new ProposalService(db),
    consortium: new ConsortiumService(db),
    consortiumBuilder: new ConsortiumBuilderService(db, clock),
    milestones: new MilestoneService(db, clock),
    firstToInform: new FirstToInformService(db, clock),
    scoringMatrices: new ScoringMatrixService(db),
    scores: new ScoreService(db, clock),
    obligations: new ObligationService(db, clock),
    cycle: new CycleStepService(db, clock)
  };
  const reminders = new ReminderService(db, settings, services.cycle, clock);
  // the Word documents read the plans and evaluations through their services
  return {
    ...services,
    reminders,
    reports: new ReportService(services),
    // the GDPR duties of issue 10: consent, the retention review (erasing as DELETE /api/people/{id} does) and the record of processing
    consent: new ConsentService(db, clock),
    retention: new RetentionService(db, settings, services.personRights, clock),
    processingRecord: new ProcessingRecordService(db, settings, clock)
  };
}

export type Services = ReturnType<typeof createServices>;
