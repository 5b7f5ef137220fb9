// Public interface of the transfer workflow (wired in src/app).
export { transferRoutes } from './routes';
export { startMatching, toMatchItem, type MatchingHandle } from './matching.service';
export { transferFunnel, FUNNEL_STAGES, type TransferFunnel } from './funnel';
export { demandQuality, offerQuality, PUBLISH_THRESHOLD, type QualityReport } from './quality';
export { CASE_STAGES, NEXT_STAGES, checkTransition } from './cases.service';
export { TRANSFER_ENTITIES } from '../entities';
