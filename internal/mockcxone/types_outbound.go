package mockcxone

// Wire types of outbound BYOC with Personal Connection (outbound-api.md sections 2-9), with
// the API's own field names, as /_mock/state shows them.

// MessageTemplate is a Personal Connection message template (GET /message-templates).
type MessageTemplate struct {
	TemplateID       int64  `json:"templateId"`
	TemplateName     string `json:"templateName"`
	TemplateTypeID   int    `json:"templateTypeId"`
	TemplateTypeDesc string `json:"templateTypeDesc"`
	IsActive         bool   `json:"isActive"`
	IsHTML           bool   `json:"isHTML"`
	CCAddress        string `json:"ccAddress"`
	BCCAddress       string `json:"bccAddress"`
	ReplyToAddress   string `json:"replyToAddress"`
	FromName         string `json:"fromName"`
	FromAddress      string `json:"fromAddress"`
	Body             string `json:"body"`
	Subject          string `json:"subject"`
	IsRTL            bool   `json:"isRTL"`
}

// Campaign is a reporting group of skills (GET /campaigns/{id}, the flat v33.0 shape).
type Campaign struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	DivisionID     int64  `json:"divisionId"`
	Notes          string `json:"notes"`
	Description    string `json:"description"`
	IsActive       bool   `json:"isActive"`
	LastUpdateTime string `json:"lastUpdateTime"`
}

// Disposition is an outcome code of a record attempt (GET /dispositions/{id}).
type Disposition struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	ClassificationID     int64  `json:"classificationId"`
	ClassificationName   string `json:"classificationName"`
	IsActive             bool   `json:"isActive"`
	Notes                string `json:"notes"`
	LastUpdated          string `json:"lastUpdated"`
	SystemOutcome        string `json:"systemOutcome"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

// DispositionClassification is one of the tenant's fixed disposition classifications.
type DispositionClassification struct {
	ClassificationID   int64  `json:"classificationId"`
	ClassificationName string `json:"classificationName"`
}

// MediaType is one of the media types a skill can have (GET /media-types).
type MediaType struct {
	MediaTypeID   int      `json:"mediaTypeId"`
	MediaTypeName string   `json:"mediaTypeName"`
	SubTypes      []string `json:"subTypes"`
}

// SkillOutbound is the outbound part of a skill, embedded in Skill: inbound skills leave it
// empty (isRunning and requireDisposition false).
type SkillOutbound struct {
	OutboundStrategy   string             `json:"outboundStrategy,omitempty"`
	IsRunning          bool               `json:"isRunning"`
	CampaignID         int64              `json:"campaignId,omitempty"`
	CampaignName       string             `json:"campaignName,omitempty"`
	MessageTemplateID  int64              `json:"messageTemplateId,omitempty"`
	Dispositions       []SkillDisposition `json:"dispositions,omitempty"`
	RequireDisposition bool               `json:"requireDisposition"`
}

// SkillDisposition links a disposition to a skill with a priority. The slice holding it is
// replaced whole on every write, never changed in place, so copies of a Skill may share it.
type SkillDisposition struct {
	DispositionID        int64  `json:"dispositionId"`
	DispositionName      string `json:"dispositionName"`
	Priority             int    `json:"priority"`
	IsPreviewDisposition bool   `json:"isPreviewDisposition"`
}

// DNCGroup is a do-not-contact group.
type DNCGroup struct {
	DNCGroupID          int64  `json:"dncGroupId"`
	DNCGroupName        string `json:"dncGroupName"`
	DNCGroupDescription string `json:"dncGroupDescription"`
	ValidRecords        int    `json:"validRecords"`
	IsActive            bool   `json:"isActive"`
	IsRemoved           bool   `json:"isRemoved"`
	CreateDate          string `json:"createDate"`
	LastUpdateTime      string `json:"lastUpdateTime"`
}

// DNCGroupSkill is a skill scrubbed against a DNC group, or contributing to it.
type DNCGroupSkill struct {
	DNCGroupID int64 `json:"dncGroupId"`
	SkillID    int64 `json:"skillId"`
	// Relation is "scrubbed" or "contributing".
	Relation string `json:"relation"`
}

// DestinationMapping maps a CXone destination type (fieldName) to a CSV column (fieldValue).
type DestinationMapping struct {
	FieldName  string `json:"fieldName"`
	FieldValue string `json:"fieldValue"`
}

// CallingList is a calling list's column mapping and the counts of its last upload.
type CallingList struct {
	ListID              int64                `json:"listId"`
	ListName            string               `json:"listName"`
	Status              string               `json:"status"`
	ExternalIDColumn    string               `json:"externalIdColumn"`
	ListExpirationDate  string               `json:"listExpirationDate,omitempty"`
	Columns             map[string]string    `json:"columns,omitempty"`
	DestinationMappings []DestinationMapping `json:"destinationMappings"`
	TotalRecords        int                  `json:"totalRecords"`
	ValidRecords        int                  `json:"validRecords"`
	InvalidRecords      int                  `json:"invalidRecords"`
	CreateDate          string               `json:"createDate"`
	UploadDate          string               `json:"uploadDate,omitempty"`
	Skills              []int64              `json:"skills"`
}

// UploadJob is an asynchronous calling-list upload. The counts are filled in when it
// completes.
type UploadJob struct {
	JobID          int64  `json:"jobId"`
	ListID         int64  `json:"listId"`
	ListName       string `json:"listName"`
	SkillID        int64  `json:"skillId,omitempty"`
	FileName       string `json:"fileName,omitempty"`
	StartDate      string `json:"startDate"`
	SubmitDate     string `json:"submitDate"`
	IsComplete     bool   `json:"isComplete"`
	IsCancelled    bool   `json:"isCancelled"`
	CompletedDate  string `json:"completedDate,omitempty"`
	TotalRecords   int    `json:"totalRecords"`
	ValidRecords   int    `json:"validRecords"`
	InvalidRecords int    `json:"invalidRecords"`
}

// OutboundMessage is a message sent through a channel with POST /channels/{id}/outbound.
type OutboundMessage struct {
	ID                   string         `json:"id"`
	ChannelID            string         `json:"channelId"`
	Recipients           []any          `json:"recipients"`
	MessageContent       map[string]any `json:"messageContent"`
	IDOnExternalPlatform string         `json:"idOnExternalPlatform,omitempty"`
	// ForwardedTo is the middleware URL the message was delivered to, "" when the
	// integration's URL is not one the mock reaches (only loopback hosts are).
	ForwardedTo string `json:"forwardedTo,omitempty"`
	CreatedAt   string `json:"createdAt"`
}
