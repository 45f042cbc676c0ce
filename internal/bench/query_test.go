package main

import (
	"strings"
	"testing"
)

func TestQueryConfig_listsEveryType(t *testing.T) {
	_, query := queryConfig()
	for _, typ := range queryTypes {
		if !strings.Contains(query, `list "`+typ+`" "all" {`) {
			t.Errorf("the query file has no list block for %s:\n%s", typ, query)
		}
	}
	if n := strings.Count(query, "include_resource = true"); n != len(queryTypes) {
		t.Errorf("include_resource in %d blocks, want %d", n, len(queryTypes))
	}
}

func TestQueryRequestBudget(t *testing.T) {
	// The large tenant lists about 34,350 objects: at most 717 requests.
	if got := queryRequestBudget(34350); got != 717 {
		t.Errorf("budget for 34350 objects = %v, want 717", got)
	}
}
