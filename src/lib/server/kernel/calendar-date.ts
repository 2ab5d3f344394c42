import { z } from 'zod';

/**
 * A calendar day as yyyy-mm-dd that exists, from the year 1000 on, for filters and end dates.
 * zod's ISO date already refuses 30 February, but lets the year 0000 through, and PostgreSQL has
 * no year 0 (ISO's 0000 is 1 BC): "from 0000-01-01" reached the database and answered 500, and
 * so did 0001-01-01, whose Amsterdam midnight (local mean time, +00:17) still falls in year 0.
 */
export const calendarDate = (message: string) =>
	z.iso.date({ error: message }).refine((value) => value >= '1000-01-01', {
		error: `${message.replace(/\.$/, '')}, vanaf het jaar 1000.`
	});
