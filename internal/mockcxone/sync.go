package mockcxone

import (
	"strconv"
	"time"
)

// CXone mirrors every digital skill with a Digital Experience routing queue, some
// time after the skill is created. The mock does the same after Options.SyncDelay,
// so clients must wait for routingQueueId as they would against a real tenant.

// scheduleSync arranges the routing-queue sync of a newly created digital skill.
// Caller holds st.mu for writing; with a negative delay the sync happens at once.
func (s *Server) scheduleSync(skillID int64) {
	st := s.store
	if s.opts.SyncDelay < 0 {
		st.syncSkillLocked(skillID)
		return
	}
	gen := st.gen
	time.AfterFunc(s.opts.SyncDelay, func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.gen != gen {
			return // the store was reset since; this skill no longer exists
		}
		st.syncSkillLocked(skillID)
	})
}

// syncSkillLocked creates the skill's routing queue unless it has one. The queue
// takes the skill's current name and is deleted if the skill is inactive by then.
// Caller holds st.mu for writing.
func (st *store) syncSkillLocked(skillID int64) {
	sk := st.skills[skillID]
	if sk == nil || sk.MediaTypeID != MediaTypeDigital || sk.RoutingQueueID != "" {
		return
	}
	id := strconv.FormatInt(st.nextQueueID, 10)
	st.nextQueueID++
	st.queues[id] = &queueRec{
		RoutingQueue: RoutingQueue{ID: id, Name: sk.SkillName, IsDeleted: !sk.IsActive},
		skillID:      skillID,
		seq:          st.nextSeq(),
	}
	sk.RoutingQueueID = id
}

// mirrorSkillLocked carries a skill's name and active flag over to its routing
// queue: deactivating the skill deletes the queue, reactivating restores it.
// Caller holds st.mu for writing.
func (st *store) mirrorSkillLocked(sk *Skill) {
	q := st.queues[sk.RoutingQueueID]
	if q == nil {
		return
	}
	q.Name = sk.SkillName
	q.IsDeleted = !sk.IsActive
}

// SyncNow completes every pending routing-queue sync immediately, for tests that
// want a skill's queue without waiting for SyncDelay.
func (s *Server) SyncNow() {
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, sk := range st.sortedSkills() {
		st.syncSkillLocked(sk.SkillID)
	}
}
