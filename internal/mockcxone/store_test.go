package mockcxone

import (
	"fmt"
	"net/http"
	"testing"
)

// A removed object's id is never handed out again, even when it was the kind's highest: the
// next object of the kind gets a higher id and the old one answers 404, as in CXone.
func TestIDsNotReusedAfterRemoval(t *testing.T) {
	createList := func(c *tclient, name string) int64 {
		c.t.Helper()
		a := c.admin("POST", "/lists/call-lists?externalIdColumn=member&listName="+name, listMapping).want(c.t, http.StatusOK)
		return decode[struct {
			ListID int64 `json:"listId"`
		}](c.t, a).ListID
	}
	deleteList := func(c *tclient, id int64) {
		c.t.Helper()
		c.admin("DELETE", fmt.Sprintf("/lists/call-lists/%d", id), nil).want(c.t, http.StatusNoContent)
	}
	postUser := func(c *tclient, name string) int64 {
		c.t.Helper()
		res := c.postUsers(newUser(name))
		if res.ErrorCount != 0 || len(res.AgentResults) != 1 {
			c.t.Fatalf("creating user %s: %+v", name, res)
		}
		return res.AgentResults[0].AgentID
	}
	addUser := func(c *tclient, name string) int64 {
		c.t.Helper()
		a, err := c.s.AddAgentForTest(Agent{UserName: name})
		if err != nil {
			c.t.Fatal(err)
		}
		return a.AgentID
	}
	removeAgent := func(c *tclient, id int64) {
		c.t.Helper()
		if !c.s.RemoveAgentForTest(id) {
			c.t.Fatalf("agent %d was not there to remove", id)
		}
	}
	for _, tc := range []struct {
		name   string
		first  func(c *tclient) int64 // the object to remove: the kind's highest id
		remove func(c *tclient, id int64)
		next   func(c *tclient, name string) int64
		read   string // the read by id, with %d
	}{
		{
			name:   "calling list deleted through the API",
			first:  func(c *tclient) int64 { return createList(c, "A") },
			remove: deleteList,
			next:   createList,
			read:   "/lists/call-lists/%d",
		},
		{
			name:   "user created through the API, removed by the hook",
			first:  func(c *tclient) int64 { return postUser(c, "grey.brother") },
			remove: removeAgent,
			next:   postUser,
			read:   "/agents/%d",
		},
		{
			name: "user added by the hook under a chosen id, next one created through the API",
			first: func(c *tclient) int64 {
				a, err := c.s.AddAgentForTest(Agent{UserName: "chosen", AgentID: 5000})
				if err != nil {
					c.t.Fatal(err)
				}
				return a.AgentID
			},
			remove: removeAgent,
			next:   postUser,
			read:   "/agents/%d",
		},
		{
			name:   "seeded user removed by the hook, next one added by the hook",
			first:  func(*tclient) int64 { return firstAgentID + int64(len(seedUsers)) - 1 },
			remove: removeAgent,
			next:   addUser,
			read:   "/agents/%d",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Options{SyncDelay: -1})
			a := tc.first(c)
			tc.remove(c, a)
			b := tc.next(c, "B")
			if b <= a {
				t.Fatalf("after removing id %d the next object got id %d, want a higher one", a, b)
			}
			c.admin("GET", fmt.Sprintf(tc.read, a), nil).want(t, http.StatusNotFound)
			c.admin("GET", fmt.Sprintf(tc.read, b), nil).want(t, http.StatusOK)
		})
	}
}
