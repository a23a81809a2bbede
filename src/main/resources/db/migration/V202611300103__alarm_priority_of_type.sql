-- Escalation no longer rewrites priority (overdue is a visible state): give alarms escalated under the old rule
-- back the priority of their type (raised one level for a repeat, as on reception), so a fresh alarm of a more
-- severe type goes above a backlog of overdue ones.
update alarm a
set priority = greatest(1, coalesce((select m.priority from alarm_type_mapping m
                                     where m.source = a.source and m.code = a.source_code), 2)
                           - case when 'REPEAT' = any(a.flags) then 1 else 0 end)
where 'ESCALATED' = any(a.flags);
