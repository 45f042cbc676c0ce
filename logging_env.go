package main

// terraformLogVars are the environment variables that make Terraform keep the log
// lines a provider sends it; with none of them set, Terraform drops them.
var terraformLogVars = []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PATH", "TF_ACC_LOG_PATH"}

// Log levels of the plugin libraries and of this provider's own logger. Unset, each
// defaults to TRACE.
var pluginLogLevelVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_CXONE"}

// quietUnlessTerraformLogs turns the plugin libraries' logging off when Terraform is
// not keeping provider logs. The libraries log every call at TRACE by default and
// stream each line, as JSON, to Terraform, which drops them unless TF_LOG (or
// TF_LOG_PROVIDER) is set: in a refresh of a thousand resources that was a third of
// the provider's CPU time. With any of those variables set, or a level set
// explicitly, nothing changes. The libraries read these variables for every call,
// so setting them before serving is enough.
func quietUnlessTerraformLogs(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range terraformLogVars {
		if getenv(name) != "" {
			return
		}
	}
	for _, v := range pluginLogLevelVars {
		if getenv(v) == "" {
			_ = setenv(v, "OFF")
		}
	}
}
