package mockcxone

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// bulkShape is how one of CXone's bulk writes lays out its body and its answer. They all
// answer 200 with an error count and one result per item, even when items fail, but each
// names its arrays and ids in its own way.
type bulkShape struct {
	// in is the body's array of items: "agents", "skills".
	in string
	// results is the answer's array: "agentResults", "skillsResults", "skillResults".
	results string
	// idField is the id each result carries ("agentId", "skillId"); "" for none, as
	// POST /skills, whose results carry no id.
	idField string
	// nested, when set, wraps the count and the results in an object of that name
	// ("resultSet" of the assignment calls).
	nested string
}

// The bulk writes the mock serves.
var (
	bulkAgentsShape      = bulkShape{in: "agents", results: "agentResults", idField: "agentId"}
	bulkSkillsShape      = bulkShape{in: "skills", results: "skillsResults"}
	bulkAssignmentsShape = bulkShape{in: "skills", results: "skillResults", idField: "skillId", nested: "resultSet"}
)

// serveBulk serves a bulk write: it reads the items of shape.in (400 when the body is not an
// object holding a non-empty array there), applies each item on its own under the store's
// write lock, and answers 200 with errorCount and one result per item in request order.
// apply returns the id the item's result carries and, when the item fails, why.
func serveBulk[T any](w http.ResponseWriter, r *http.Request, st *store, shape bulkShape, apply func(item T) (id int64, failure string)) {
	var body map[string]json.RawMessage
	if !accepted(w, decodeBody(r, &body)) {
		return
	}
	var items []T
	if raw, ok := body[shape.in]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			badRequest(w, fmt.Errorf("%s is not a list of valid items: %w", shape.in, err))
			return
		}
	}
	if len(items) == 0 {
		badRequest(w, fmt.Errorf("%s must hold at least one item", shape.in))
		return
	}
	st.mu.Lock()
	results, failed := itemResults(items, func(item T) (map[string]any, string) {
		id, failure := apply(item)
		if shape.idField == "" {
			return nil, failure
		}
		return map[string]any{shape.idField: id}, failure
	})
	st.mu.Unlock()
	var answer any = map[string]any{"errorCount": failed, shape.results: results}
	if shape.nested != "" {
		answer = map[string]any{shape.nested: answer}
	}
	writeJSON(w, http.StatusOK, answer)
}

// itemResults applies each item of a bulk write on its own and gives one result per item,
// in order, with how many failed. apply returns the fields its result carries besides
// success and error (nil for none) and, when the item fails, why.
func itemResults[T any](items []T, apply func(item T) (fields map[string]any, failure string)) ([]map[string]any, int) {
	results := make([]map[string]any, 0, len(items))
	failed := 0
	for _, item := range items {
		res, failure := apply(item)
		if res == nil {
			res = map[string]any{}
		}
		res["success"], res["error"] = failure == "", errText(failure)
		if failure != "" {
			failed++
		}
		results = append(results, res)
	}
	return results, failed
}
