import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// `/en/...` serves the same route as `/...`, in English.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
