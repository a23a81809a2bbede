-- Battery low from a sensor that is not the resident's own alarm button (door sensor, bed sensor, medication
-- dispenser) is work for a technician within three days, not for the response centre: the seeded rules make it a
-- technician task and close the alarm by the rule. A personal trigger's battery low (safety alarm, fall sensor)
-- keeps the rule for every type (auto-close on battery OK, the operator sees it until then).
insert into fleet_rule (source, code, device_type, kind, task_due_s, note, updated_by) values
    ('HTTP', 'BATTERY_LOW', 'DOOR_SENSOR',          'TECHNICIAN_TASK', 259200, 'Batteri lavt i dørsensor: tekniker bytter batteri innen 3 dager', 'migration'),
    ('HTTP', 'BATTERY_LOW', 'BED_SENSOR',           'TECHNICIAN_TASK', 259200, 'Batteri lavt i sengesensor: tekniker bytter batteri innen 3 dager', 'migration'),
    ('HTTP', 'BATTERY_LOW', 'MEDICATION_DISPENSER', 'TECHNICIAN_TASK', 259200, 'Batteri lavt i medisindispenser: tekniker bytter batteri innen 3 dager', 'migration');
insert into fleet_rule_version (rule_id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note,
    changed_by, changed_at)
select id, version, source, code, device_type, kind, wait_s, task_due_s, enabled, note, updated_by, updated_at
from fleet_rule where source = 'HTTP' and code = 'BATTERY_LOW' and device_type is not null;
