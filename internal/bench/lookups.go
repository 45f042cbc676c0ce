package main

import "fmt"

// userLookup is one data "cxone_user" block of a configuration: it looks a user up by
// user name, as the provider's docs and examples teach.
type userLookup struct {
	name string
	user user
}

// lookupsFor looks the first n users up. Generated configurations name their agents
// from the start of the same list, so the resources refer to the first look-ups.
func lookupsFor(users []user, n int) ([]userLookup, error) {
	if len(users) < n {
		return nil, fmt.Errorf("%d look-ups need %d active users, the mock has %d", n, n, len(users))
	}
	out := make([]userLookup, n)
	for i := range n {
		out[i] = userLookup{name: rname("u", i, n), user: users[i]}
	}
	return out, nil
}

// lookupCount is how many users a configuration of n resources looks up: a third, as
// in the configuration the request-budget target is stated for (N resources + N/3
// user look-ups).
func lookupCount(n int) int { return n / 3 }

// usersNeeded is how many active users the tenant must hold for the configurations of
// a mix of n resources: the agents the resources name, and the users looked up.
func usersNeeded(m mix, n int) int { return max(m.agentsNeeded(), lookupCount(n)) }

// Shape of the large-tenant plan: a small team's configuration in a tenant of
// thousands of users. The issue states its request budget as one request per
// resource and look-up, plus two (discovery and the token).
const (
	largeTenantPermissions = 3
	largeTenantLookups     = 2
	largeTenantOverhead    = 2
)

// renderLargeTenant writes the large-tenant configuration: digital permissions for
// three users taken from the end of the tenant, two of them looked up by name.
func renderLargeTenant(users []user) (string, error) {
	if len(users) < largeTenantPermissions {
		return "", fmt.Errorf("the large-tenant plan needs %d active users, the mock has %d", largeTenantPermissions, len(users))
	}
	team := users[len(users)-largeTenantPermissions:]
	var specs []resourceSpec
	for i, u := range team {
		r := resourceSpec{typ: typePermissions, name: rname("p", i, len(team))}
		r.set("agent_id", lit(u.AgentID))
		r.set("digital_threshold", lit(2+i))
		specs = append(specs, r)
	}
	lookups := make([]userLookup, largeTenantLookups)
	for i := range lookups {
		lookups[i] = userLookup{name: rname("u", i, largeTenantLookups), user: team[i]}
	}
	return renderCxone(specs, lookups), nil
}
