package provider

// TerraformLogVars are the environment variables that make Terraform keep the
// log lines a provider sends it; with none of them set, Terraform drops them.
// The provider's main quiets the plugin libraries without them, and the lean
// path steps aside with them (see frameworkTracing).
var TerraformLogVars = []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PATH", "TF_ACC_LOG_PATH"}

// TerraformKeepsProviderLogs reports whether one of TerraformLogVars is set.
func TerraformKeepsProviderLogs(getenv func(string) string) bool {
	for _, name := range TerraformLogVars {
		if getenv(name) != "" {
			return true
		}
	}
	return false
}
