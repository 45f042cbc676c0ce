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
	if err := decodeBody(r, &body); err != nil {
		badRequest(w, err)
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
	results := make([]map[string]any, 0, len(items))
	failed := 0
	st.mu.Lock()
	for _, item := range items {
		id, failure := apply(item)
		res := map[string]any{"success": failure == "", "error": errText(failure)}
		if shape.idField != "" {
			res[shape.idField] = id
		}
		if failure != "" {
			failed++
		}
		results = append(results, res)
	}
	st.mu.Unlock()
	var answer any = map[string]any{"errorCount": failed, shape.results: results}
	if shape.nested != "" {
		answer = map[string]any{shape.nested: answer}
	}
	writeJSON(w, http.StatusOK, answer)
}
