package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccProvider_userAgent checks that every API call names the provider and the
// version it was built with (main.version, set by -ldflags at release).
func TestAccProvider_userAgent(t *testing.T) {
	m := testAccStart(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccFactories(providerserver.NewProtocol6WithError(New("9.8.7-test")())),
		Steps: []resource.TestStep{{
			Config: testAccProviderConfig(m) + `
data "cxone_user" "kaa" {
  user_name = "kaa"
}
`,
			Check: func(*terraform.State) error {
				agents := m.UserAgents()
				for ua, n := range agents {
					if !strings.HasPrefix(ua, "terraform-provider-cxone/9.8.7-test ") {
						t.Errorf("%d request(s) with User-Agent %q, want terraform-provider-cxone/9.8.7-test", n, ua)
					}
				}
				if len(agents) == 0 {
					t.Error("the mock received no request")
				}
				return nil
			},
		}},
	})
}
