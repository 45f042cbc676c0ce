package mockcxone

import "net/http"

// handleDiscovery answers where the tenant's APIs live: here, whatever host and
// port the request came to.
func (s *Server) handleDiscovery(w http.ResponseWriter, r *http.Request) {
	tenant := r.URL.Query().Get("tenantId")
	if tenant == "" {
		adminError(w, http.StatusBadRequest, "invalid_request", "tenantId is required")
		return
	}
	if tenant != TenantID {
		adminError(w, http.StatusNotFound, "not_found", "unknown tenant "+tenant)
		return
	}
	base := baseURL(r)
	writeJSON(w, http.StatusOK, map[string]any{
		"api_endpoint":  base,
		"auth_endpoint": base,
		"ui_endpoint":   base,
		"area":          "na1",
		"tenantId":      TenantID,
		"private":       false,
	})
}
