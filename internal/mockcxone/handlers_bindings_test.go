package mockcxone

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestBindings(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	sk := c.createSkill("Queue skill")
	q := sk.RoutingQueueID
	integ := c.createIntegration("Box")
	for i := range 7 {
		c.createChannel(fmt.Sprintf("c%d", i), integ)
	}
	for i := range 7 {
		a := c.dfo("PUT", fmt.Sprintf("/routing-queues/%s/channels/c%d", q, i), nil).want(t, http.StatusOK)
		if b := decode[Binding](t, a); b.RoutingQueueID != q || b.ChannelID != fmt.Sprintf("c%d", i) {
			t.Errorf("bind answer %+v", b)
		}
	}
	c.dfo("PUT", "/routing-queues/"+q+"/channels/c0", nil).want(t, http.StatusOK) // idempotent
	var got []string
	for _, b := range hitPages[Binding](t, c, "/routing-queues/"+q+"/channels", 7) { // binding twice adds nothing
		got = append(got, b.ChannelID)
	}
	if strings.Join(got, ",") != "c0,c1,c2,c3,c4,c5,c6" {
		t.Errorf("bindings %v", got)
	}

	if f := c.dfo("PUT", "/routing-queues/123/channels/c0", nil).wantDFOError(t, http.StatusNotFound); f != "queueId" {
		t.Errorf("unknown queue names %q", f)
	}
	if f := c.dfo("PUT", "/routing-queues/"+q+"/channels/nope", nil).wantDFOError(t, http.StatusNotFound); f != "channelId" {
		t.Errorf("unknown channel names %q", f)
	}
	c.dfo("GET", "/routing-queues/123/channels", nil).wantDFOError(t, http.StatusNotFound)

	c.dfo("DELETE", "/routing-queues/"+q+"/channels/c1", nil).want(t, http.StatusNoContent)
	c.dfo("DELETE", "/routing-queues/"+q+"/channels/c1", nil).wantDFOError(t, http.StatusNotFound)
	// Deleting a channel removes its bindings.
	c.dfo("DELETE", "/channels/c2", nil).want(t, http.StatusNoContent)
	if n := len(c.s.State().Bindings); n != 5 {
		t.Errorf("%d bindings left, want 5", n)
	}

	// A deleted queue (inactive skill) refuses new bindings.
	c.admin("PUT", fmt.Sprintf("/skills/%d", sk.SkillID), `{"skill":{"isActive":false}}`).want(t, http.StatusOK)
	c.dfo("PUT", "/routing-queues/"+q+"/channels/c3", nil).wantDFOError(t, http.StatusConflict)
}
