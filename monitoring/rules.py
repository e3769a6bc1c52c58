import rules

from cooperatives.rules import is_administrator, is_facilitator

rules.add_perm("monitoring.view_dashboard", is_facilitator | is_administrator)
rules.add_perm("monitoring.recompute_metrics", is_facilitator | is_administrator)
