package main

import (
	"regexp"
	"testing"
)

// TestPipelineNames_ownNamesPerPipeline: the fleet's pipelines share one tenant, so
// every name CXone keeps unique (skills, integrations, user names, channel external
// IDs) differs between them; otherwise their applies collide on the names.
func TestPipelineNames_ownNamesPerPipeline(t *testing.T) {
	m := mixFor(100)
	config := renderCxone(generateOrFail(t, m, agentsFrom(m, 1001)), nil)
	unique := regexp.MustCompile(`(?m)^\s*(name|user_name|email_address|external_id)\s*=\s*("[^"]*")`)
	seen := map[string]int{}
	for k := range fleetPipelines {
		for _, m := range unique.FindAllStringSubmatch(pipelineNames(config, k), -1) {
			key := m[1] + " " + m[2]
			if prev, ok := seen[key]; ok && prev != k {
				t.Errorf("pipelines %d and %d both set %s", prev+1, k+1, key)
			}
			seen[key] = k
		}
	}
	if len(seen) == 0 {
		t.Fatal("found no names in the configuration")
	}
}
