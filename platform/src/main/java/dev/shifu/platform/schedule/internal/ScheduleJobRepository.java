package dev.shifu.platform.schedule.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleJobRepository extends JpaRepository<ScheduleJob, Long> {

	List<ScheduleJob> findByRegion(String region);

	List<ScheduleJob> findByPinnedDateBefore(java.time.LocalDate day);

	@org.springframework.data.jpa.repository.Query("select distinct j.region from ScheduleJob j")
	List<String> regions();

}
