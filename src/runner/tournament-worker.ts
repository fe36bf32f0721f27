/**
 * Worker thread of a parallel tournament: plans the tournament once from the shared input
 * (`workerData`), then runs the job ranges it is given. The analysis of each domain is computed
 * at most once per thread.
 */
import { serveTasks } from './worker-pool.js';
import {
  type AnalysisCache,
  type JobResult,
  planTournament,
  runTournamentJobs,
  type Tournament,
  type TournamentInput,
} from '../diplomacy/negotiation/tournament.js';

let tournament: Tournament | undefined;
const cache: AnalysisCache = new Map();

serveTasks<{ from: number; to: number }, JobResult[], TournamentInput>((task, input) => {
  tournament ??= planTournament(input);
  return runTournamentJobs(tournament, task.from, task.to, cache);
});
