import { publicDecisionListExport } from '$lib/server/exports/decision-list-export';
import type { RequestHandler } from './$types';

/** The published besluitenlijst as XLSX, for anyone: the newest version or `?versie=N`. */
export const GET: RequestHandler = (event) => publicDecisionListExport(event, 'xlsx');
