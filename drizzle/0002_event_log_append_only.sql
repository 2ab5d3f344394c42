-- The event log is append-only: the database itself refuses to change or remove a row,
-- whoever asks (the app, a script, a console). Written by hand: drizzle-kit does not model triggers.
CREATE FUNCTION event_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the event log is append-only: % is not allowed on "event"', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER event_log_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "event"
	FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER event_log_no_truncate
	BEFORE TRUNCATE ON "event"
	FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();
