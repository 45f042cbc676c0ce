package mockcxone

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

func TestRoutingQueueFilters(t *testing.T) {
	c := newClient(t, Options{SyncDelay: -1})
	var ids []string
	for i := range 6 {
		ids = append(ids, c.createSkill(fmt.Sprintf("Team %c", 'A'+i)).RoutingQueueID)
	}
	q := url.Values{"id[]": {ids[1], ids[4]}}
	p := decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?"+q.Encode(), nil).want(t, http.StatusOK))
	if p.Hits != 2 || p.Data[0].ID != ids[1] || p.Data[1].ID != ids[4] {
		t.Errorf("id[] filter: %+v", p)
	}
	p = decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?nameContains=team%20c", nil))
	if p.Hits != 1 || p.Data[0].Name != "Team C" || p.Data[0].IsSubqueue {
		t.Errorf("nameContains: %+v", p)
	}
	p = decode[hitsAnswer[RoutingQueue]](t, c.dfo("GET", "/routing-queues?size=2&page=3", nil))
	if p.Hits != 6 || len(p.Data) != 2 || p.Data[1].ID != ids[5] {
		t.Errorf("page 3: %+v", p)
	}
	c.dfo("GET", "/routing-queues?withDeleted=perhaps", nil).wantDFOError(t, http.StatusBadRequest)
}
