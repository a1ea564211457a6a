"""Progress services over the store: study hours, the data readiness, plan and stats read."""
