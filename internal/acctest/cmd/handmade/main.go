// Command handmade sets up a mock tenant by hand through the CXone API, the way an
// administrator would in the CXone UI, for `make adopt-demo`:
//
//	handmade -auth-url http://127.0.0.1:8765
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

func main() {
	authURL := flag.String("auth-url", "http://127.0.0.1:8765", "the mock's URL")
	flag.Parse()
	if err := run(*authURL); err != nil {
		fmt.Fprintln(os.Stderr, "handmade:", err)
		os.Exit(1)
	}
}

func run(authURL string) error {
	c, err := cxone.New(cxone.Config{
		TenantID: mockcxone.TenantID, AuthURL: authURL,
		AccessKeyID: mockcxone.AccessKeyID, AccessKeySecret: mockcxone.AccessKeySecret,
	})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := acctest.MakeHandMade(ctx, c)
	if err != nil {
		return err
	}
	fmt.Printf("made by hand: %d digital skills, %d users with digital engagement, %d assignments, "+
		"1 integration (%s), %d channels, %d bindings, 1 new user (%s)\n",
		len(s.Skills), len(s.DigitalAgents), s.Assignments, s.Integration.Name, len(s.Channels), s.Bindings, s.User.UserName)
	fmt.Printf("made by hand, outbound: 1 message template (%s), 1 campaign (%s), %d dispositions, "+
		"1 outbound skill (%s), 1 DNC group (%s), %d DNC group link, 1 calling list (%s)\n",
		s.Template.TemplateName, s.Campaign.Name, len(s.Dispositions), s.OutboundSkill.SkillName,
		s.DNCGroup.DNCGroupName, s.DNCGroupSkills, s.CallingList.ListName)
	return nil
}
