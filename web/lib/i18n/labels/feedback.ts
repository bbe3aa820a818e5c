/**
 * Words for the values the feedback screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import { m } from '$i18n/paraglide/messages.js';

/** `feedback.public.ratings.*` */
export const feedbackPublicRatings = {
  1: m.feedback_public_ratings_1,
  2: m.feedback_public_ratings_2,
  3: m.feedback_public_ratings_3,
  4: m.feedback_public_ratings_4,
  5: m.feedback_public_ratings_5
};
