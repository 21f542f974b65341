/**
 * The dashboard's data, one import: types, filters and periods, figures, comments, exports.
 * See types.ts for what each figure means.
 */
export * from './types';
export { periodFilter, parseFilterQuery, bucketStarts, isIsoDate, vnDayStart, MAX_PERIOD_DAYS, type FilterProblem } from './filter';
export { dashboardSummary, procedureDetail, publicSummary, summaryRows, indexFigure } from './aggregate';
export { listComments, markHandled, exportSubmissions, agencies } from './queries';
export { factsOf, factsLoading, LOADING_RETRY_SECONDS, LOADING_WAIT_MS, resetFacts, startFactsRefresh } from './facts';
