package provider

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// Acceptance tests of the actions. Terraform 1.14 runs actions; terraform-plugin-testing
// (v1.16) has no step that invokes one or shows its progress messages, so these drive the
// CLI: `terraform apply -invoke=action.<type>.<name>`, and action_trigger blocks in a
// resource's lifecycle. Progress messages are in the CLI's output. Skills, lists and
// channels are set up through the client, so the tests do not depend on the resources.

// actionEnv is one action test: a mock, a Terraform working folder, and a client.
type actionEnv struct {
	t  *testing.T
	m  *mockcxone.Server
	tf *tfCLI
	c  *cxone.Client
}

// testAccActionEnv prepares an action test, skipping it below Terraform 1.14.
func testAccActionEnv(t *testing.T, opts ...func(*mockcxone.Options)) *actionEnv {
	t.Helper()
	testAccPreCheck(t)
	testAccSkipBelowTerraform(t, 1, 14, "actions need Terraform 1.14 or later")
	t.Parallel()
	m := testAccMock(t, opts...)
	tf := newTFCLI(t, m)
	tf.write("versions.tf", testAccCLIRequiredProviders)
	return &actionEnv{t: t, m: m, tf: tf, c: testAccClient(t, m)}
}

// config replaces the configuration (versions.tf stays).
func (e *actionEnv) config(hcl string) {
	e.t.Helper()
	e.tf.write("main.tf", hcl)
}

// invoke runs `terraform apply -invoke` on addr and returns its output (stdout then
// stderr) and exit code.
func (e *actionEnv) invoke(addr string) (string, int) {
	e.t.Helper()
	stdout, stderr, code := e.tf.run("apply", "-auto-approve", "-no-color", "-invoke="+addr)
	return stdout + stderr, code
}

// mustInvoke invokes addr, fails the test unless it succeeds, and checks that it left no
// state behind: an action writes none.
func (e *actionEnv) mustInvoke(addr string) string {
	e.t.Helper()
	out, code := e.invoke(addr)
	if code != 0 {
		e.t.Fatalf("terraform apply -invoke=%s exited %d:\n%s", addr, code, out)
	}
	e.noState()
	return out
}

// failInvoke invokes addr and fails the test unless it fails with each of wants in its
// output, in order; it returns the output.
func (e *actionEnv) failInvoke(addr string, wants ...string) string {
	e.t.Helper()
	out, code := e.invoke(addr)
	if code == 0 {
		e.t.Fatalf("terraform apply -invoke=%s succeeded, want an error:\n%s", addr, out)
	}
	if !expectErrorText(wants...).MatchString(out) {
		e.t.Fatalf("terraform apply -invoke=%s: the output lacks %q:\n%s", addr, wants, out)
	}
	e.noState()
	return out
}

// noState checks that the working folder holds no resource in its state.
func (e *actionEnv) noState() {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join(e.tf.dir, "terraform.tfstate"))
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		e.t.Fatal(err)
	}
	if strings.Contains(string(b), `"type": "cxone_`) {
		e.t.Fatalf("an action left CXone objects in the state:\n%s", b)
	}
}

// failValidate runs `terraform validate`, which must fail with each of wants in its
// output (the parts of one, in order), without an API request: these are plan-time checks.
func (e *actionEnv) failValidate(wants ...[]string) {
	e.t.Helper()
	before := e.m.Requests().Total
	stdout, stderr, code := e.tf.run("validate", "-no-color")
	out := stdout + stderr
	if code == 0 {
		e.t.Fatalf("terraform validate accepted invalid actions:\n%s", out)
	}
	for _, want := range wants {
		wantOutput(e.t, out, want...)
	}
	if n := e.m.Requests().Total - before; n != 0 {
		e.t.Errorf("plan-time checks made %d API requests, want 0", n)
	}
}

// wantOutput fails the test unless out holds each of wants, in order.
func wantOutput(t *testing.T, out string, wants ...string) {
	t.Helper()
	if !expectErrorText(wants...).MatchString(out) {
		t.Fatalf("the output lacks %q:\n%s", wants, out)
	}
}

// pcSkill creates an outbound Personal Connection skill and returns its ID.
func (e *actionEnv) pcSkill(name string) int64 {
	e.t.Helper()
	sk, err := e.c.CreateOutboundSkill(e.t.Context(), cxone.OutboundSkillInput{SkillName: name})
	if err != nil {
		e.t.Fatalf("creating skill fixture %q: %v", name, err)
	}
	return sk.SkillID
}

// skillRunning reads whether a skill runs.
func (e *actionEnv) skillRunning(id int64) bool {
	e.t.Helper()
	sk, err := e.c.GetOutboundSkill(e.t.Context(), id)
	if err != nil {
		e.t.Fatalf("reading skill %d: %v", id, err)
	}
	return sk.IsRunning
}

// TestAccActionOutboundSkillStartStop: start waits until the skill runs and says so; a
// second start changes nothing and says the skill already runs; stop (with force) and a
// second stop likewise; the state stays empty throughout.
func TestAccActionOutboundSkillStartStop(t *testing.T) {
	e := testAccActionEnv(t)
	id := e.pcSkill("Launch-PC")
	e.config(actionBlock("cxone_outbound_skill_start", "launch", map[string]string{
		"skill_id": fmt.Sprint(id),
	}) +
		actionBlock("cxone_outbound_skill_stop", "launch", map[string]string{
			"skill_id": fmt.Sprint(id),
			"force":    "true",
		}))
	out := e.mustInvoke("action.cxone_outbound_skill_start.launch")
	wantOutput(t, out, fmt.Sprintf(`Starting outbound skill %d ("Launch-PC")`, id), `is running`)
	if !e.skillRunning(id) {
		t.Fatal("the skill does not run after the start action")
	}
	out = e.mustInvoke("action.cxone_outbound_skill_start.launch")
	wantOutput(t, out, `is already running: nothing to do`)

	out = e.mustInvoke("action.cxone_outbound_skill_stop.launch")
	wantOutput(t, out, `Stopping outbound skill`, `force: active interactions end now`, `is stopped`)
	if e.skillRunning(id) {
		t.Fatal("the skill runs after the stop action")
	}
	out = e.mustInvoke("action.cxone_outbound_skill_stop.launch")
	wantOutput(t, out, `is already stopped: nothing to do`)
}

// TestAccActionOutboundSkill_refusals: a skill that is inbound, outbound with the Manual
// strategy, inactive or unknown is refused with what to check, before any start or stop
// call; a skill_id of the wrong form fails at plan time.
func TestAccActionOutboundSkill_refusals(t *testing.T) {
	e := testAccActionEnv(t)
	ctx := t.Context()
	inbound, err := e.c.CreateSkill(ctx, testAccSkillInput("Inbound Chat", true))
	if err != nil {
		t.Fatal(err)
	}
	manual, err := e.c.CreateOutboundSkill(ctx, cxone.OutboundSkillInput{SkillName: "Manual-Out", OutboundStrategy: cxone.StrategyManual})
	if err != nil {
		t.Fatal(err)
	}
	inactive, err := e.c.CreateOutboundSkill(ctx, cxone.OutboundSkillInput{SkillName: "Retired-PC", IsActive: new(false)})
	if err != nil {
		t.Fatal(err)
	}
	e.config(actionBlock("cxone_outbound_skill_start", "inbound", map[string]string{
		"skill_id": fmt.Sprint(inbound.SkillID),
	}) +
		actionBlock("cxone_outbound_skill_stop", "manual", map[string]string{
			"skill_id": fmt.Sprint(manual.SkillID),
		}) +
		actionBlock("cxone_outbound_skill_start", "inactive", map[string]string{
			"skill_id": fmt.Sprint(inactive.SkillID),
		}) +
		actionBlock("cxone_outbound_skill_start", "unknown", map[string]string{
			"skill_id": "4999999",
		}))
	e.failInvoke("action.cxone_outbound_skill_start.inbound", "Unable to Start Outbound Skill", "is an inbound skill",
		"only an outbound Personal Connection skill can start", "Check skill_id")
	e.failInvoke("action.cxone_outbound_skill_stop.manual", "Unable to Stop Outbound Skill", `with the strategy "Manual"`,
		`only a "Personal Connection" skill can stop`)
	e.failInvoke("action.cxone_outbound_skill_start.inactive", `Skill`, `("Retired-PC") is inactive`, "Activate it")
	e.failInvoke("action.cxone_outbound_skill_start.unknown", "While trying to read skill 4999999", "404", "Check skill_id")
	routes := e.m.Requests().ByRoute
	for _, r := range []string{"POST " + mockcxone.AdminBase + "/skills/{skillId}/start", "POST " + mockcxone.AdminBase + "/skills/{skillId}/stop"} {
		if routes[r] != 0 {
			t.Errorf("%s was called %d times; a refused skill must not be started or stopped", r, routes[r])
		}
	}
}

// TestAccActionOutboundSkill_failureInMiddle: CXone failing the start call is an error
// that quotes CXone's answer and says what to do, with the skill left stopped; run again
// once CXone answers, the action starts it.
func TestAccActionOutboundSkill_failureInMiddle(t *testing.T) {
	e := testAccActionEnv(t)
	id := e.pcSkill("Flaky-PC")
	e.config(actionBlock("cxone_outbound_skill_start", "flaky", map[string]string{
		"skill_id": fmt.Sprint(id),
		"timeouts": `{ invoke = "1m" }`,
	}))
	testAccSetFaults(t, e.m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/skills/", Status: 500})
	out := e.failInvoke("action.cxone_outbound_skill_start.flaky", "Unable to Start Outbound Skill",
		fmt.Sprintf(`While trying to start outbound skill %d ("Flaky-PC")`, id), "500", "Running the action again is safe")
	wantOutput(t, out, "Starting outbound skill")
	if e.skillRunning(id) {
		t.Fatal("the skill runs though CXone failed the start")
	}
	testAccSetFaults(t, e.m)
	wantOutput(t, e.mustInvoke("action.cxone_outbound_skill_start.flaky"), "is running")
}

// testAccCallingList creates a calling list whose external IDs are in column AccountId.
func (e *actionEnv) callingList(name string) int64 {
	e.t.Helper()
	l, err := e.c.CreateCallingList(e.t.Context(), cxone.CallingListInput{ListName: name, ExternalIDColumn: "AccountId",
		DestinationMappings: []cxone.DestinationMapping{{FieldName: "PhoneNumber", FieldValue: "Phone"}}})
	if err != nil {
		e.t.Fatalf("creating calling list fixture %q: %v", name, err)
	}
	return l.ListID
}

// testAccRecordsCSV has two valid records and one without an external ID.
const testAccRecordsCSV = "AccountId,Phone\nA-1,+15550100\nA-2,+15550101\n,+15550102\n"

// TestAccActionCallingListUpload: the upload follows its job to completion with
// progress messages and the job's counts, warns of the invalid record, and starts the
// skill; a second upload with force_overwrite leaves the list as it was and says the skill
// already runs. Triggered after create from a resource's lifecycle, it runs once: a second
// apply plans nothing. No CXone object enters the state.
func TestAccActionCallingListUpload(t *testing.T) {
	e := testAccActionEnv(t)
	skill := e.pcSkill("Dawn-PC")
	list := e.callingList("Dawn Patrol")
	e.tf.write("records.csv", testAccRecordsCSV)
	e.config(actionBlock("cxone_calling_list_upload", "dawn", map[string]string{
		"list_id":         fmt.Sprint(list),
		"skill_id":        fmt.Sprint(skill),
		"content":         `file("${path.module}/records.csv")`,
		"expiration_date": `"2030-12-31"`,
		"force_overwrite": "true",
		"start_skill":     "true",
	}))
	out := e.mustInvoke("action.cxone_calling_list_upload.dawn")
	wantOutput(t, out, fmt.Sprintf(`Uploading 3 records (%d bytes of CSV) to calling list %d ("Dawn Patrol"), replacing its records`, len(testAccRecordsCSV), list),
		"CXone accepted upload job", "CXone is processing the records", "complete: 3 records, 2 valid, 1 invalid",
		`Outbound skill`, `is running`, "Invalid Calling List Records", "CXone found 1 of the 3 records")
	if !e.skillRunning(skill) {
		t.Fatal("start_skill did not start the skill")
	}
	wantList := func() {
		t.Helper()
		l, err := e.c.GetCallingList(t.Context(), list)
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalRecords != 3 || l.ValidRecords != 2 || l.InvalidRecords != 1 {
			t.Fatalf("calling list has %d records, %d valid, %d invalid; want 3, 2, 1", l.TotalRecords, l.ValidRecords, l.InvalidRecords)
		}
	}
	wantList()
	out = e.mustInvoke("action.cxone_calling_list_upload.dawn")
	wantOutput(t, out, "complete: 3 records, 2 valid, 1 invalid", "was already running")
	wantList()

	// From a resource's lifecycle, after create only, with the list's ID taken from the
	// resource that triggers it (as a cxone_calling_list would give its id).
	e.tf.write("trigger.tf", fmt.Sprintf(`
resource "terraform_data" "launch" {
  input = %d
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.cxone_calling_list_upload.launch]
    }
  }
}

action "cxone_calling_list_upload" "launch" {
  config {
    list_id         = terraform_data.launch.output
    skill_id        = %d
    content         = file("${path.module}/records.csv")
    force_overwrite = true
    start_skill     = true
  }
}
`, list, skill))
	out = e.tf.mustRun("apply", "-auto-approve", "-no-color")
	wantOutput(t, out, "terraform_data.launch", "complete: 3 records, 2 valid, 1 invalid", "Actions: 1 invoked")
	e.noState()
	jobs := len(e.m.State().UploadJobs)
	out = e.tf.mustRun("apply", "-auto-approve", "-no-color")
	wantOutput(t, out, "No changes")
	if n := len(e.m.State().UploadJobs); n != jobs {
		t.Fatalf("a second apply uploaded again: %d jobs, want %d", n, jobs)
	}
}

// TestAccActionCallingListUpload_refusals: content without the list's external-ID column
// is refused after reading the list and before any upload; an unknown list and a skill
// that cannot start are refused the same way; content that is not CSV, start_skill
// without a skill and an expiration date of the wrong form fail at plan time.
func TestAccActionCallingListUpload_refusals(t *testing.T) {
	e := testAccActionEnv(t)
	list := e.callingList("Dusk Patrol")
	manual, err := e.c.CreateOutboundSkill(t.Context(), cxone.OutboundSkillInput{SkillName: "Manual-Dusk", OutboundStrategy: cxone.StrategyManual})
	if err != nil {
		t.Fatal(err)
	}
	e.config(actionBlock("cxone_calling_list_upload", "no_id_column", map[string]string{
		"list_id": fmt.Sprint(list),
		"content": `"Account,Phone\nA-1,+15550100\n"`,
	}) +
		actionBlock("cxone_calling_list_upload", "unknown_list", map[string]string{
			"list_id": "999999",
			"content": `"AccountId,Phone\nA-1,+15550100\n"`,
		}) +
		actionBlock("cxone_calling_list_upload", "manual_skill", map[string]string{
			"list_id":     fmt.Sprint(list),
			"skill_id":    fmt.Sprint(manual.SkillID),
			"content":     `"AccountId,Phone\nA-1,+15550100\n"`,
			"start_skill": "true",
		}))
	e.failInvoke("action.cxone_calling_list_upload.no_id_column", "Unable to Upload Calling List Records",
		`header row has the columns "Account", "Phone"`, `takes each record's external ID from the column "AccountId"`, "nothing was uploaded")
	e.failInvoke("action.cxone_calling_list_upload.unknown_list", "While trying to read calling list 999999", "404", "Check list_id")
	e.failInvoke("action.cxone_calling_list_upload.manual_skill", `with the strategy "Manual"`, "can start")
	if n := e.m.Requests().ByRoute["POST "+mockcxone.AdminBase+"/lists/call-lists/{listId}/upload"]; n != 0 {
		t.Errorf("%d uploads reached CXone; refused content must not be uploaded", n)
	}

	e.config(actionBlock("cxone_calling_list_upload", "not_csv", map[string]string{
		"list_id": fmt.Sprint(list),
		"content": `"AccountId,\"Phone\nA-1"`,
	}) +
		actionBlock("cxone_calling_list_upload", "header_only", map[string]string{
			"list_id": fmt.Sprint(list),
			"content": `"AccountId,Phone\n"`,
		}) +
		actionBlock("cxone_calling_list_upload", "start_without_skill", map[string]string{
			"list_id":     fmt.Sprint(list),
			"content":     `"AccountId,Phone\nA-1,+15550100\n"`,
			"start_skill": "true",
		}) +
		actionBlock("cxone_calling_list_upload", "bad_date", map[string]string{
			"list_id":         "0",
			"content":         `"AccountId,Phone\nA-1,+15550100\n"`,
			"expiration_date": `"31/12/2030"`,
			"timeouts":        `{ invoke = "0s" }`,
		}))
	e.failValidate(
		[]string{"Invalid Calling List Content", "it is not CSV"},
		[]string{"Invalid Calling List Content", "it has a header row but no records"},
		[]string{"Missing Skill", "set skill_id"},
		[]string{"expiration_date", "must be a date such as 2026-12-31"},
		[]string{"list_id", "at least 1"},
		[]string{"timeouts.invoke must be a positive duration"},
	)
}

// TestAccActionCallingListUpload_failureInMiddle: CXone failing the job's read after it
// accepted the upload is an error that names the job and says not to upload again; a lost
// answer to the upload itself says CXone may have the records and how to check.
func TestAccActionCallingListUpload_failureInMiddle(t *testing.T) {
	e := testAccActionEnv(t)
	list := e.callingList("Midway")
	e.config(actionBlock("cxone_calling_list_upload", "midway", map[string]string{
		"list_id": fmt.Sprint(list),
		"content": `"AccountId,Phone\nA-1,+15550100\n"`,
	}))
	testAccSetFaults(t, e.m, mockcxone.FaultRule{Method: "GET", Path: "/inContactAPI/services/v34.0/lists/call-lists/jobs/", Status: 500})
	e.failInvoke("action.cxone_calling_list_upload.midway", "CXone accepted upload job",
		"While trying to follow upload job", "500", "do not run the action again", "GET /lists/call-lists/jobs/")

	testAccSetFaults(t, e.m, mockcxone.FaultRule{Method: "POST", Path: "/inContactAPI/services/v34.0/lists/call-lists/", DropResponse: true})
	e.failInvoke("action.cxone_calling_list_upload.midway", "While trying to upload records to calling list",
		"CXone may have accepted the upload", "add the records twice")
}

// testAccMiddleware is a BYOC middleware on loopback that answers DFO's delivery of an
// outbound message with 200 and an ID, or with status when it is not 0; it counts the
// deliveries.
type testAccMiddleware struct {
	URL        string
	status     atomic.Int32
	deliveries atomic.Int32
}

func newTestAccMiddleware(t *testing.T) *testAccMiddleware {
	t.Helper()
	mw := &testAccMiddleware{}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != mockcxone.OutboundPath {
			http.NotFound(w, r)
			return
		}
		mw.deliveries.Add(1)
		if s := mw.status.Load(); s != 0 {
			http.Error(w, "middleware down for maintenance", int(s))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"idOnExternalPlatform":"ext-msg-1"}`))
	}))
	t.Cleanup(srv.Close)
	mw.URL = srv.URL
	return mw
}

// channel creates a BYOC integration whose box URL is boxURL and a channel of it, with or
// without an outbound flow, and returns the channel's ID.
func (e *actionEnv) channel(name, boxURL string, outbound bool) string {
	e.t.Helper()
	ctx := e.t.Context()
	in, err := e.c.CreateIntegration(ctx, cxone.IntegrationInput{Name: name, IntegrationBoxURL: boxURL,
		AuthorizationURL: boxURL + "/oauth/token", ClientID: "watering-hole", ClientSecret: "fixture-secret",
		UseDfo3OutboundAPI: true, Color: "#1F8A70"})
	if err != nil {
		e.t.Fatalf("creating integration fixture %q: %v", name, err)
	}
	external := strings.ToLower(strings.ReplaceAll(name, " ", "-"))
	ch, err := e.c.UpsertChannel(ctx, cxone.Channel{ID: uuid.NewString(), ChannelIntegrationID: in.ID,
		IDOnExternalPlatform: external, RealExternalPlatformID: external, Name: name, HasOutboundFlow: &outbound})
	if err != nil {
		e.t.Fatalf("creating channel fixture %q: %v", name, err)
	}
	return ch.ID
}

// TestAccActionChannelSendMessage: a message through a channel with an outbound flow is
// recorded by CXone and delivered to the integration's middleware, with progress messages
// naming what CXone answered; each invocation sends one message. A channel without an
// outbound flow and an unknown channel are refused before anything is sent; a middleware
// that fails, and CXone failing the send, are errors that say what to do; IDs of the wrong
// form and empty text fail at plan time.
func TestAccActionChannelSendMessage(t *testing.T) {
	e := testAccActionEnv(t)
	mw := newTestAccMiddleware(t)
	outbound := e.channel("Watering Hole SMS", mw.URL, true)
	inboundOnly := e.channel("Watering Hole Chat", "https://middleware.thejungle.example/chat", false)
	e.config(actionBlock("cxone_channel_send_message", "hello", map[string]string{
		"channel_id": strconv.Quote(outbound),
		"recipient":  `"+15550100"`,
		"text":       `"Hello from Terraform"`,
	}) +
		actionBlock("cxone_channel_send_message", "inbound_only", map[string]string{
			"channel_id": strconv.Quote(inboundOnly),
			"recipient":  `"+15550100"`,
			"text":       `"Hello"`,
		}) +
		actionBlock("cxone_channel_send_message", "unknown", map[string]string{
			"channel_id": `"0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10"`,
			"recipient":  `"+15550100"`,
			"text":       `"Hello"`,
		}))
	out := e.mustInvoke("action.cxone_channel_send_message.hello")
	wantOutput(t, out, `Sending a test message to "+15550100" through channel`, `("Watering Hole SMS")`,
		"CXone accepted the message", "ID on the external platform ext-msg-1")
	e.mustInvoke("action.cxone_channel_send_message.hello")
	msgs := e.m.State().OutboundMessages
	if len(msgs) != 2 || mw.deliveries.Load() != 2 {
		t.Fatalf("%d messages recorded and %d delivered to the middleware, want 2 and 2", len(msgs), mw.deliveries.Load())
	}
	if msgs[0].ChannelID != outbound || msgs[0].ForwardedTo != mw.URL+mockcxone.OutboundPath {
		t.Errorf("message recorded as %+v; want channel %s forwarded to the middleware", msgs[0], outbound)
	}

	e.failInvoke("action.cxone_channel_send_message.inbound_only", "Unable to Send Message Through Channel",
		"has no outbound flow", "Set has_outbound_flow = true", "nothing was sent")
	e.failInvoke("action.cxone_channel_send_message.unknown", "While trying to read channel 0b6f4d4e-3c1a-4f7e-9d55-2a8c1e9b7f10", "CXone has no channel", "Check channel_id")

	mw.status.Store(http.StatusInternalServerError)
	e.failInvoke("action.cxone_channel_send_message.hello", "CXone could not hand the message to the channel's middleware",
		"run the action again")
	mw.status.Store(0)
	testAccSetFaults(t, e.m, mockcxone.FaultRule{Method: "POST", Path: "/dfo/3.0/channels/", Status: 500})
	e.failInvoke("action.cxone_channel_send_message.hello", "500", "CXone may have sent the message")
	if n := len(e.m.State().OutboundMessages); n != 2 {
		t.Errorf("%d messages recorded after the refusals and failures, want still 2", n)
	}

	testAccSetFaults(t, e.m)
	e.config(actionBlock("cxone_channel_send_message", "bad", map[string]string{
		"channel_id": `"watering-hole"`,
		"recipient":  `" "`,
		"text":       `""`,
	}))
	e.failValidate(
		[]string{"must be a channel ID, a UUID"},
		[]string{"recipient", "must not be empty or blank"},
		[]string{"text", "must not be empty or blank"},
	)
}

// TestAccActionCallingListUpload_timeout: an upload job that CXone does not complete
// within timeouts.invoke ends the wait with progress messages along the way and an error
// that names the job, the timeout to raise and not to upload again.
func TestAccActionCallingListUpload_timeout(t *testing.T) {
	e := testAccActionEnv(t, func(o *mockcxone.Options) { o.SyncDelay = time.Hour })
	list := e.callingList("Slow Lane")
	e.config(actionBlock("cxone_calling_list_upload", "slow", map[string]string{
		"list_id":  fmt.Sprint(list),
		"content":  `"AccountId,Phone\nA-1,+15550100\n"`,
		"timeouts": `{ invoke = "2s" }`,
	}))
	out := e.failInvoke("action.cxone_calling_list_upload.slow", "While trying to follow upload job",
		"timeouts.invoke, 2s here", "ran out", "do not run the action again")
	if n := strings.Count(out, "CXone is processing the records"); n < 2 {
		t.Errorf("%d progress messages while waiting, want at least 2:\n%s", n, out)
	}
}

// actionBlock is an action block of type typ named name whose config holds attrs, each
// value in HCL form, in name order; a value in braces is a nested block
// ("{ invoke = \"2s\" }").
func actionBlock(typ, name string, attrs map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\naction %q %q {\n  config {\n", typ, name)
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		sep := " = "
		if strings.HasPrefix(attrs[k], "{") {
			sep = " "
		}
		fmt.Fprintf(&b, "    %s%s%s\n", k, sep, attrs[k])
	}
	b.WriteString("  }\n}\n")
	return b.String()
}
